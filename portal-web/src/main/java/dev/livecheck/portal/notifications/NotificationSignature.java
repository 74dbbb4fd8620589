package dev.livecheck.portal.notifications;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code X-Livecheck-Signature} header: {@code t=<unix seconds>,v1=<hex HMAC-SHA256>} over {@code t + "." + body}
 * with the application's notification secret (its UTF-8 bytes, exactly as shown on the application page) as the key.
 * The timestamp lets a receiver refuse old replays; the HMAC proves the body came from the portal unchanged.
 */
public final class NotificationSignature {
    public static final String HEADER = "X-Livecheck-Signature";

    private NotificationSignature() {
    }

    public static String header(String secret, long unixSeconds, String body) {
        return "t=" + unixSeconds + ",v1=" + hmacHex(secret, unixSeconds + "." + body);
    }

    private static String hmacHex(String secret, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
