package dev.livecheck.persistence.applications;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * An API application of a business. {@code id} is the SDK ID the caller sends as {@code sdkId}; {@code publicKey} is
 * the Base64 X.509 SubjectPublicKeyInfo of its RSA key; {@code allowedOrigins} (one per line) may embed the capture
 * page; {@code profileId} gives API sessions their challenges, retention and defaults. The notification secret is
 * sealed by the portal under the link key before it gets here.
 */
@Table
public record ApiApplication(@Id UUID id, UUID businessId, String name, UUID profileId, String publicKey,
                             String publicKeySha256, String allowedOrigins, String notificationSecretSealed,
                             UUID createdBy, Instant createdAt, @Nullable Instant revokedAt,
                             @Nullable Instant lastUsedAt, @Version @Nullable Long version) {

    public static final int MAX_NAME_LENGTH = 200;
    public static final int MAX_ALLOWED_ORIGINS_LENGTH = 4000;

    public ApiApplication {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(businessId, "businessId");
        Objects.requireNonNull(profileId, "profileId");
        Objects.requireNonNull(createdBy, "createdBy");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(notificationSecretSealed, "notificationSecretSealed");
        if (name == null || name.isBlank() || name.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("name must be 1-" + MAX_NAME_LENGTH + " characters");
        }
        if (publicKey == null || publicKey.isBlank()) {
            throw new IllegalArgumentException("publicKey is required");
        }
        if (publicKeySha256 == null || !publicKeySha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("publicKeySha256 must be a SHA-256 hex digest");
        }
        if (allowedOrigins == null || allowedOrigins.length() > MAX_ALLOWED_ORIGINS_LENGTH) {
            throw new IllegalArgumentException("allowedOrigins must be at most " + MAX_ALLOWED_ORIGINS_LENGTH
                    + " characters");
        }
    }

    /** A new, active application. */
    public static ApiApplication create(UUID businessId, String name, UUID profileId, String publicKey,
                                        String publicKeySha256, List<String> allowedOrigins,
                                        String notificationSecretSealed, UUID createdBy, Instant now) {
        return new ApiApplication(UUID.randomUUID(), businessId, name.strip(), profileId, publicKey, publicKeySha256,
                String.join("\n", allowedOrigins), notificationSecretSealed, createdBy, now, null, null, null);
    }

    public boolean active() {
        return revokedAt == null;
    }

    /** The origins allowed to embed the capture page, as entered (one per line). */
    public List<String> allowedOriginList() {
        return Arrays.stream(allowedOrigins.split("\n")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
