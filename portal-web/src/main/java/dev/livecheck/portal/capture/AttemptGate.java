package dev.livecheck.portal.capture;

import dev.livecheck.core.attempt.Challenge;
import dev.livecheck.core.engine.LivenessEngine;
import dev.livecheck.persistence.audit.AuditAction;
import dev.livecheck.persistence.audit.AuditEvent;
import dev.livecheck.persistence.audit.AuditLog;
import dev.livecheck.persistence.audit.AuditTarget;
import dev.livecheck.persistence.sessions.VerificationSession;
import dev.livecheck.persistence.sessions.VerificationSessions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the session row decides about attempts, shared by every socket, tab and portal node: at most one attempt runs
 * per session (a lease on the row), every attempt until one is counted asks the same challenge sequence (drawn once,
 * stored on the row, so cancelling cannot re-roll it), and attempts abandoned after a challenge are counted up to the
 * session's cap, whose last one closes the session as REJECT. The lease is renewed while its attempt is alive, so a long
 * but live attempt keeps it; only a dead node's lease runs out.
 */
@Component
class AttemptGate {

    /** Stored and decided after the engine's own timeouts: a margin for queueing, judging and storing. */
    private static final Duration STORE_MARGIN = Duration.ofSeconds(30);

    /** What {@link #begin} decided. {@code challenges} only when STARTED. */
    record Start(Outcome outcome, List<Challenge> challenges) {
        enum Outcome { STARTED, IN_PROGRESS, CLOSED }
    }

    private final VerificationSessions sessions;
    private final LivenessEngine engine;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Duration lease;

    AttemptGate(VerificationSessions sessions, LivenessEngine engine, AuditLog audit,
                ApplicationEventPublisher events, Clock clock) {
        this.sessions = sessions;
        this.engine = engine;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.lease = leaseFor(engine);
    }

    /**
     * The longest an attempt can run (each phase has its own timeout, in stream time) plus the store margin: a lease
     * held by a node that died runs out after this, never blocking the session for longer.
     */
    static Duration leaseFor(LivenessEngine engine) {
        return engine.longestAttempt().plus(STORE_MARGIN);
    }

    Duration lease() {
        return lease;
    }

    /**
     * Claims the session's attempt for {@code owner}, then returns the stored challenge sequence, drawing it with the
     * engine if none is stored (a conditional UPDATE: of two racing draws the first wins and both read it). The claim
     * is also the check that the socket's link still opens the session (not replaced by a resend, not expired, attempts
     * left): one UPDATE, so nothing can change in between. Refused, the row says why: another attempt runs
     * (IN_PROGRESS) or the link no longer opens it (CLOSED).
     */
    Start begin(CaptureBinding binding, String owner) {
        Instant now = clock.instant();
        if (sessions.claimAttemptLease(binding.businessId(), binding.sessionId(), binding.captureTokenHash(), owner,
                now, now.plus(lease)) != 1) {
            boolean open = sessions.findByBusinessIdAndId(binding.businessId(), binding.sessionId())
                    .filter(s -> s.captureTokenHash().equals(binding.captureTokenHash()))
                    .map(s -> s.acceptsAttemptsAt(now)).orElse(false);
            return new Start(open ? Start.Outcome.IN_PROGRESS : Start.Outcome.CLOSED, List.of());
        }
        Optional<String> stored = sessions.findPendingChallenges(binding.businessId(), binding.sessionId());
        if (stored.isEmpty()) {
            String drawn = ChallengeSequences.encode(engine.drawChallenges(binding.challengeCount()));
            sessions.storePendingChallenges(binding.businessId(), binding.sessionId(), drawn);
            stored = sessions.findPendingChallenges(binding.businessId(), binding.sessionId());
        }
        if (stored.isEmpty()) {
            release(binding, owner); // closed between the lease and the draw
            return new Start(Start.Outcome.CLOSED, List.of());
        }
        return new Start(Start.Outcome.STARTED, ChallengeSequences.decode(stored.get()));
    }

    /**
     * Extends {@code owner}'s lease by a whole lease from now, while its attempt is alive (the caller renews as each
     * challenge is issued).
     *
     * @return false if {@code owner} lost the lease meanwhile (it ran out and another socket claimed the session)
     */
    boolean renew(CaptureBinding binding, String owner) {
        return sessions.renewAttemptLease(binding.businessId(), binding.sessionId(), owner,
                clock.instant().plus(lease)) == 1;
    }

    /** The attempt ended without being counted or abandoned (no challenge reached, no frames, a server failure). */
    void release(CaptureBinding binding, String owner) {
        sessions.releaseAttemptLease(binding.businessId(), binding.sessionId(), owner);
    }

    /**
     * Counts an attempt abandoned after challenge {@code step} was issued, audited; the one that reaches the cap
     * closes the session and publishes {@link SessionClosedByAbandons} in the same transaction.
     *
     * @return true if the session is closed now (by this abandon or already before)
     */
    @Transactional
    boolean abandoned(CaptureBinding binding, String owner, int step, int of) {
        Instant now = clock.instant();
        int recorded = sessions.recordAbandonedAttempt(binding.businessId(), binding.sessionId(), owner, step, now);
        Optional<VerificationSession> after = sessions.findByBusinessIdAndId(binding.businessId(),
                binding.sessionId());
        if (recorded != 1 || after.isEmpty()) {
            return true;
        }
        VerificationSession session = after.get();
        boolean closed = session.closedByAbandons();
        audit.insert(AuditEvent.bySystem(binding.businessId(), AuditAction.ATTEMPT_ABANDONED, AuditTarget.SESSION,
                binding.sessionId().toString(), "abandoned at challenge " + step + " of " + of + "; "
                        + session.abandonedAttempts() + " of " + session.maxAbandonedAttempts() + " abandoned attempts"
                        + (closed ? "; session closed as REJECT (TOO_MANY_ABANDONED)" : ""), now));
        if (closed) {
            events.publishEvent(new SessionClosedByAbandons(binding.businessId(), binding.sessionId()));
        }
        return closed;
    }
}
