package dev.livecheck.portal.security;

import dev.livecheck.persistence.sessions.CaptureTokens;
import dev.livecheck.persistence.users.PortalUser;
import dev.livecheck.persistence.users.TrustedDevice;
import dev.livecheck.persistence.users.TrustedDevices;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Device cookies" (OWASP): after a successful sign-in the browser gets a random token (only its hash is stored, with
 * the user), sent back only to {@code /login}. A sign-in that brings the token of the account it names skips the
 * account's failure count, so failures made elsewhere (an attacker's) do not hold the user back in their own browser.
 * A password change or reset forgets every browser of the user.
 */
@Component
public class TrustedBrowsers {
    static final String COOKIE = "livecheck_browser";
    static final Duration LIFETIME = Duration.ofDays(90);

    private final TrustedDevices devices;
    private final Clock clock;

    TrustedBrowsers(TrustedDevices devices, Clock clock) {
        this.devices = devices;
        this.clock = clock;
    }

    /** The raw token the request carries, or null. */
    static @Nullable String tokenOf(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        return Arrays.stream(cookies).filter(c -> COOKIE.equals(c.getName())).map(Cookie::getValue)
                .filter(v -> v != null && v.length() <= 64).findFirst().orElse(null);
    }

    @Transactional(readOnly = true)
    boolean isTrusted(String token, PortalUser user) {
        return token != null && devices.countValid(user.businessId(), user.id(), CaptureTokens.hash(token),
                clock.instant().minus(LIFETIME)) > 0;
    }

    /** After a successful sign-in: keeps a valid token, otherwise issues a new one. */
    @Transactional
    void remember(HttpServletRequest request, HttpServletResponse response, UUID businessId, UUID userId) {
        String current = tokenOf(request);
        if (current != null && devices.countValid(businessId, userId, CaptureTokens.hash(current),
                clock.instant().minus(LIFETIME)) > 0) {
            return;
        }
        String token = CaptureTokens.newToken();
        Instant now = clock.instant();
        devices.insert(new TrustedDevice(CaptureTokens.hash(token), businessId, userId, now));
        response.addHeader("Set-Cookie", ResponseCookie.from(COOKIE, token).path(request.getContextPath() + "/login")
                .httpOnly(true).secure(request.isSecure()).sameSite("Strict").maxAge(LIFETIME).build().toString());
    }

    /** Whoever signed in with the old password proves nothing any more. */
    @Transactional
    public void forgetAll(UUID businessId, UUID userId) {
        devices.deleteAllOf(businessId, userId);
    }
}
