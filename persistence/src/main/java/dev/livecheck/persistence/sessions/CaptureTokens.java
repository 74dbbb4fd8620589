package dev.livecheck.persistence.sessions;

import dev.livecheck.persistence.support.Sha256;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

/** Capture-link tokens: 256 random bits, URL-safe; only {@link #hash} of a token is ever stored. */
public final class CaptureTokens {
    private static final SecureRandom RANDOM = new SecureRandom();

    private CaptureTokens() {
    }

    /** A new raw token (43 URL-safe characters). Put it in the e-mailed link, never in the database. */
    public static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** SHA-256 of the token's UTF-8 bytes, 64 lower-case hex characters: the value of {@code capture_token_hash}. */
    public static String hash(String rawToken) {
        return Sha256.hex(rawToken.getBytes(StandardCharsets.UTF_8));
    }
}
