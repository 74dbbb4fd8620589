package dev.livecheck.portal.capture;

import dev.livecheck.persistence.sessions.VerificationSession;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.SecretKey;

/**
 * Socket tickets: bind a capture page to its session without a cookie, which a cross-site iframe does not send.
 * The page carries a ticket that its script sends when it opens {@code /ws/capture}. A ticket is
 * {@code version | business id | session id | expiry} with an HMAC-SHA256 over those and the session's current
 * capture-token hash, under a key derived from the link key (the same on every node). So it cannot be forged,
 * names one session, ends after {@link #LIFETIME}, and dies when the token changes (a resend); it carries no token.
 */
final class CaptureTickets {

    /** Long enough to read the consent text and start the camera; a reload of the page mints a new one. */
    static final Duration LIFETIME = Duration.ofHours(1);
    /** No genuine ticket expires later than its lifetime from now, give or take the nodes' clock difference. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(1);
    /** HMAC key purpose, see {@link dev.livecheck.portal.email.LinkSealer#derivedKey}. */
    static final String KEY_PURPOSE = "capture-ticket";

    private static final byte VERSION = 1;
    private static final int CLAIM_BYTES = 1 + 16 + 16 + 8;
    private static final int MAC_BYTES = 32;
    /** URL-safe Base64 without padding of the 73 ticket bytes. */
    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{98}");

    private final SecretKey key;

    CaptureTickets(SecretKey key) {
        this.key = key;
    }

    /** What a well-formed, unexpired ticket claims; {@link #matches} decides whether it is genuine. */
    record Claims(UUID businessId, UUID sessionId, Instant expiresAt, byte[] claimBytes, byte[] mac) {
    }

    String mint(VerificationSession session, Instant now) {
        ByteBuffer claims = ByteBuffer.allocate(CLAIM_BYTES).put(VERSION);
        put(claims, session.businessId());
        put(claims, session.id());
        claims.putLong(now.plus(LIFETIME).getEpochSecond());
        byte[] claimBytes = claims.array();
        byte[] ticket = ByteBuffer.allocate(CLAIM_BYTES + MAC_BYTES).put(claimBytes)
                .put(mac(claimBytes, session.captureTokenHash())).array();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(ticket);
    }

    /**
     * Empty for anything that is not a ticket of this format and version, or whose expiry is not after now, or is
     * further away than a ticket's lifetime.
     */
    Optional<Claims> read(String ticket, Instant now) {
        if (ticket == null || !FORMAT.matcher(ticket).matches()) {
            return Optional.empty();
        }
        ByteBuffer bytes = ByteBuffer.wrap(Base64.getUrlDecoder().decode(ticket));
        byte[] claimBytes = new byte[CLAIM_BYTES];
        byte[] mac = new byte[MAC_BYTES];
        bytes.get(claimBytes).get(mac);
        ByteBuffer claims = ByteBuffer.wrap(claimBytes);
        if (claims.get() != VERSION) {
            return Optional.empty();
        }
        UUID businessId = new UUID(claims.getLong(), claims.getLong());
        UUID sessionId = new UUID(claims.getLong(), claims.getLong());
        long expiresAt = claims.getLong();
        // Compared as numbers: a forged expiry may lie outside what an Instant can hold.
        if (expiresAt <= now.getEpochSecond() || expiresAt > now.plus(LIFETIME).plus(CLOCK_SKEW).getEpochSecond()) {
            return Optional.empty();
        }
        return Optional.of(new Claims(businessId, sessionId, Instant.ofEpochSecond(expiresAt), claimBytes, mac));
    }

    /** True if the ticket was minted by us for this session while it had its current capture token. */
    boolean matches(Claims claims, VerificationSession session) {
        return claims.businessId().equals(session.businessId()) && claims.sessionId().equals(session.id())
                && MessageDigest.isEqual(mac(claims.claimBytes(), session.captureTokenHash()), claims.mac());
    }

    private byte[] mac(byte[] claimBytes, String captureTokenHash) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(claimBytes);
            return mac.doFinal(captureTokenHash.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static void put(ByteBuffer buffer, UUID id) {
        buffer.putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits());
    }
}
