package dev.livecheck.portal.lifecycle;

import dev.livecheck.persistence.sessions.VerificationSessions;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Moves ONGOING sessions whose link expired to EXPIRED / LINK_EXPIRED. The capture page already refuses an expired
 * link on its own ({@code acceptsAttemptsAt}); the sweep makes the state, the dashboard counts and the export say so.
 * {@code expireOverdue} is one conditional UPDATE ({@code WHERE state = 'ONGOING'}), so two nodes sweeping at once
 * expire each session once.
 */
@Component
class ExpirySweep {
    private static final Logger log = LoggerFactory.getLogger(ExpirySweep.class);

    private final VerificationSessions sessions;
    private final Clock clock;

    ExpirySweep(VerificationSessions sessions, Clock clock) {
        this.sessions = sessions;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${livecheck.lifecycle.initial-delay:PT1M}",
            fixedDelayString = "${livecheck.lifecycle.expiry-interval:PT5M}")
    void run() {
        sweep(clock.instant());
    }

    /** @return how many sessions were expired */
    int sweep(Instant now) {
        int expired = sessions.expireOverdue(now);
        if (expired > 0) {
            log.info("expired {} sessions whose capture link had run out", expired);
        } else {
            log.debug("no overdue sessions to expire");
        }
        return expired;
    }
}
