package dev.livecheck.portal.capture;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.Optional;
import org.springframework.http.ResponseCookie;

/**
 * Binds a browser to the verification session whose link it opened. The value is the raw capture token (the link's
 * credential; only its hash is stored): HttpOnly so page scripts never see it, SameSite=Strict so no other site can
 * make the browser present it on a WebSocket handshake, Secure whenever the page came over HTTPS.
 */
final class CaptureCookie {

    static final String NAME = "livecheck_capture";

    private CaptureCookie() {
    }

    static ResponseCookie bind(String rawToken, HttpServletRequest request) {
        return ResponseCookie.from(NAME, rawToken).httpOnly(true).sameSite("Strict").secure(request.isSecure())
                .path("/").build();
    }

    static Optional<String> read(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        return Arrays.stream(cookies).filter(c -> NAME.equals(c.getName())).map(Cookie::getValue).findFirst();
    }
}
