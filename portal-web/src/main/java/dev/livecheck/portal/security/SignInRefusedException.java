package dev.livecheck.portal.security;

import java.io.Serial;
import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/** Sign-ins refused before the password counts: still waiting, or a password no account can have. */
class SignInRefusedException extends AuthenticationException {
    @Serial
    private static final long serialVersionUID = 1L;

    /** The login page's {@code error} value that names the reason. */
    private final String reason;
    private final long waitSeconds;

    private SignInRefusedException(String message, String reason, long waitSeconds) {
        super(message);
        this.reason = reason;
        this.waitSeconds = waitSeconds;
    }

    static SignInRefusedException throttled(Duration wait) {
        // rounded up: "wait 0 seconds" would be a lie
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        return new SignInRefusedException("too many failed sign-ins", "throttled", seconds);
    }

    static SignInRefusedException tooLong() {
        return new SignInRefusedException("password over 72 bytes", "tooLong", 0);
    }

    String reason() {
        return reason;
    }

    long waitSeconds() {
        return waitSeconds;
    }
}
