package dev.livecheck.persistence.attempts;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What the dashboard's charts need of one completed attempt, without its report or images: the profile of its
 * session, its number within the session, the outcome with its reason code, and how long the capture took.
 */
public record AttemptFact(UUID profileId, int attemptNumber, String recommendation, @Nullable String reason,
                          long durationMs, Instant completedAt) {
}
