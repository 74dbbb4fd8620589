package dev.livecheck.persistence.attempts;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An image without its bytes, for reports. */
public record MediaMetadata(UUID id, UUID attemptId, MediaRole role, String contentType, int sizeBytes, String sha256,
                            Instant createdAt, @Nullable Instant purgedAt) {
    public boolean purged() {
        return purgedAt != null;
    }
}
