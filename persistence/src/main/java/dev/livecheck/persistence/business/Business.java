package dev.livecheck.persistence.business;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** A tenant of the portal. */
@Table
public record Business(@Id UUID id, String name, Instant createdAt) {
    /** {@code business.name VARCHAR(200)}. */
    public static final int MAX_NAME_LENGTH = 200;

    public Business {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createdAt, "createdAt");
        if (name == null || name.isBlank() || name.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("business name must be 1-" + MAX_NAME_LENGTH + " characters");
        }
    }

    public static Business create(String name, Instant now) {
        return new Business(UUID.randomUUID(), name.strip(), now);
    }
}
