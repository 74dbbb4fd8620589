package dev.livecheck.persistence.attempts;

import dev.livecheck.persistence.sessions.Recommendation;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One decided attempt. {@code attemptNumber} is 1..maxAttempts, unique per session. {@code challenges} is a comma-separated
 * list of challenge actions (e.g. "TURN_LEFT,LOOK_UP"); {@code subChecksJson} is the engine's report JSON.
 */
@Table
public record Attempt(@Id UUID id, UUID businessId, UUID sessionId, int attemptNumber, Recommendation recommendation,
                      LivenessAuth livenessAuth, @Nullable String reason, String challenges,
                      @Nullable String subChecksJson, int frames, int analyzedFrames, long durationMs, long decisionMs,
                      Instant startedAt, Instant completedAt) {
}
