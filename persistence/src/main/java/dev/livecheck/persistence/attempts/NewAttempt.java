package dev.livecheck.persistence.attempts;

import dev.livecheck.persistence.sessions.Recommendation;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A decided attempt as the capture endpoint hands it over. {@code media} holds at most one image per role (normally
 * all three; an attempt that ended NOT_AVAILABLE without a face may have fewer).
 */
public record NewAttempt(Recommendation recommendation, LivenessAuth livenessAuth, @Nullable String reason,
                         String challenges, @Nullable String subChecksJson, int frames, int analyzedFrames,
                         long durationMs, long decisionMs, Instant startedAt, Instant completedAt,
                         List<NewMedia> media) {
    public NewAttempt {
        Objects.requireNonNull(recommendation, "recommendation");
        Objects.requireNonNull(livenessAuth, "livenessAuth");
        Objects.requireNonNull(challenges, "challenges");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(completedAt, "completedAt");
        media = List.copyOf(media);
        Set<MediaRole> roles = EnumSet.noneOf(MediaRole.class);
        for (NewMedia m : media) {
            if (!roles.add(m.role())) {
                throw new IllegalArgumentException("two images with role " + m.role());
            }
        }
    }
}
