package dev.livecheck.persistence.attempts;

import dev.livecheck.persistence.sessions.VerificationSession;
import java.util.List;

/** The result of {@link AttemptRecorder#record}: the attempt, its images' metadata and the session afterwards. */
public record StoredAttempt(Attempt attempt, List<MediaMetadata> media, VerificationSession session) {
}
