package dev.livecheck.persistence.attempts;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** One image of an attempt. {@code bytes} is null once purged ({@code purgedAt} set); sha256 and size stay. */
@Table
public record Media(@Id UUID id, UUID businessId, UUID attemptId, MediaRole role, String contentType,
                    byte @Nullable [] bytes, int sizeBytes, String sha256, Instant createdAt,
                    @Nullable Instant purgedAt) {
}
