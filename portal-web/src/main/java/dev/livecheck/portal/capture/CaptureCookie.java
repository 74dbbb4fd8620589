package dev.livecheck.portal.capture;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.http.ResponseCookie;

/**
 * Binds a browser to the verification session whose link it opened. The value is the raw capture token (the link's
 * credential; only its hash is stored): HttpOnly so page scripts never see it, SameSite=Strict so no other site can
 * make the browser present it on a WebSocket handshake, Secure whenever the page came over HTTPS. It is sent only to
 * the capture paths: the token-free page and its theme under {@code /c}, and the socket, which protocol version 1
 * clients bind with it; no portal page ever receives it.
 */
final class CaptureCookie {

    static final String NAME = "livecheck_capture";
    /** The paths the cookie is scoped to: the capture page's and the socket's. */
    static final List<String> PATHS = List.of("/c", CaptureWebSocketConfiguration.PATH);

    private CaptureCookie() {
    }

    /** One cookie per capture path (a cookie has one path). */
    static List<ResponseCookie> bind(String rawToken, HttpServletRequest request) {
        return PATHS.stream().map(path -> ResponseCookie.from(NAME, rawToken).httpOnly(true).sameSite("Strict")
                .secure(request.isSecure()).path(path).build()).toList();
    }

    static Optional<String> read(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        return Arrays.stream(cookies).filter(c -> NAME.equals(c.getName())).map(Cookie::getValue).findFirst();
    }
}
