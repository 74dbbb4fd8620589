package dev.livecheck.persistence.users;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** One single-use recovery code of a user's second factor: only the SHA-256 hex of the code is stored. */
@Table
public record RecoveryCode(@Id String codeHash, UUID businessId, UUID userId, Instant createdAt) {
    public RecoveryCode {
        Objects.requireNonNull(businessId, "businessId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(createdAt, "createdAt");
        if (codeHash == null || !codeHash.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("codeHash must be 64 lower-case hex digits");
        }
    }
}
