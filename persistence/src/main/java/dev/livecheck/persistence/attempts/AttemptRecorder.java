package dev.livecheck.persistence.attempts;

import dev.livecheck.persistence.sessions.Recommendation;
import dev.livecheck.persistence.sessions.VerificationSession;
import dev.livecheck.persistence.sessions.VerificationSessions;
import dev.livecheck.persistence.support.Sha256;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores a decided attempt in one transaction: takes an attempt slot on the session (conditional UPDATE, which also
 * moves the session to COMPLETED on APPROVE or on the last retry), inserts the attempt numbered by that slot, then
 * its images. Any failure rolls everything back. Two nodes racing on the last slot: the row lock of the UPDATE makes
 * the second see the new counter and refuse; the unique (session_id, attempt_number) key is the backstop.
 */
@Service
public class AttemptRecorder {
    private final VerificationSessions sessions;
    private final Attempts attempts;
    private final MediaFiles media;

    public AttemptRecorder(VerificationSessions sessions, Attempts attempts, MediaFiles media) {
        this.sessions = sessions;
        this.attempts = attempts;
        this.media = media;
    }

    /**
     * @param leaseOwner the capture connection that ran the attempt, whose lease on the session ends with it; null if
     *                   none held one
     * @throws AttemptRefusedException if the session is unknown in this business, not ONGOING or has no attempts left
     */
    @Transactional
    public StoredAttempt record(UUID businessId, UUID sessionId, @Nullable String leaseOwner, NewAttempt a) {
        boolean approve = a.recommendation() == Recommendation.APPROVE;
        if (sessions.takeAttemptSlot(businessId, sessionId, leaseOwner, a.recommendation(), approve,
                a.completedAt()) != 1) {
            String why = sessions.findByBusinessIdAndId(businessId, sessionId)
                    .map(s -> "state " + s.state() + ", " + s.attemptsUsed() + " of " + s.maxAttempts() + " attempts used")
                    .orElse("no such session");
            throw new AttemptRefusedException(sessionId, why);
        }
        VerificationSession session = sessions.findByBusinessIdAndId(businessId, sessionId)
                .orElseThrow(() -> new IllegalStateException("session vanished inside its own transaction"));
        Attempt attempt = attempts.insert(new Attempt(UUID.randomUUID(), businessId, sessionId, session.attemptsUsed(),
                a.recommendation(), a.livenessAuth(), a.reason(), a.challenges(), a.subChecksJson(), a.frames(),
                a.analyzedFrames(), a.durationMs(), a.decisionMs(), a.startedAt(), a.completedAt()));
        List<MediaMetadata> stored = new ArrayList<>();
        for (NewMedia m : a.media()) {
            Media row = media.insert(new Media(UUID.randomUUID(), businessId, attempt.id(), m.role(), m.contentType(),
                    m.bytes(), m.bytes().length, Sha256.hex(m.bytes()), a.completedAt(), null));
            stored.add(new MediaMetadata(row.id(), row.attemptId(), row.role(), row.contentType(), row.sizeBytes(),
                    row.sha256(), row.createdAt(), null));
        }
        return new StoredAttempt(attempt, List.copyOf(stored), session);
    }
}
