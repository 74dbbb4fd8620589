package dev.livecheck.persistence.sessions;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

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
        return sha256Hex(rawToken.getBytes(StandardCharsets.UTF_8));
    }

    public static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
