package dev.livecheck.portal.capture;

import dev.livecheck.persistence.capacity.BusyAttempt;
import dev.livecheck.persistence.capacity.BusyAttempts;
import dev.livecheck.persistence.sessions.VerificationSessions;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Records an attempt the server cut short (answered BUSY, not counted) with the attempt number it had, which is the
 * number offered again, so the session page shows it. A failure to record is logged, never shown to the person.
 */
@Component
class BusyAttemptLog {

    private static final Logger LOG = LoggerFactory.getLogger(BusyAttemptLog.class);

    private final BusyAttempts busy;
    private final VerificationSessions sessions;
    private final Clock clock;

    BusyAttemptLog(BusyAttempts busy, VerificationSessions sessions, Clock clock) {
        this.busy = busy;
        this.sessions = sessions;
        this.clock = clock;
    }

    /** BUSY answers the session has had (on any node). */
    long countFor(CaptureBinding binding) {
        return busy.countByBusinessIdAndSessionId(binding.businessId(), binding.sessionId());
    }

    void record(CaptureBinding binding, int framesReceived, int framesDropped, boolean machineSaturated) {
        try {
            sessions.findByBusinessIdAndId(binding.businessId(), binding.sessionId()).ifPresent(session ->
                    busy.insert(BusyAttempt.of(binding.businessId(), binding.sessionId(), session.attemptsUsed() + 1,
                            framesReceived, framesDropped, machineSaturated, clock.instant())));
        } catch (RuntimeException e) {
            LOG.error("recording a BUSY attempt of session {} failed", binding.sessionId(), e);
        }
    }
}
