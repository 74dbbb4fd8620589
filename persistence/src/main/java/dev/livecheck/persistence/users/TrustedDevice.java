package dev.livecheck.persistence.users;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** A browser where the user signed in: only the SHA-256 hex of its cookie's random token is stored. */
@Table
public record TrustedDevice(@Id String tokenHash, UUID businessId, UUID userId, Instant createdAt) {
    public TrustedDevice {
        Objects.requireNonNull(businessId, "businessId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(createdAt, "createdAt");
        if (tokenHash == null || !tokenHash.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("tokenHash must be 64 lower-case hex digits");
        }
    }
}
