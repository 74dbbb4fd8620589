package dev.livecheck.portal.lifecycle;

import dev.livecheck.persistence.sessions.VerificationSession;
import dev.livecheck.persistence.sessions.VerificationSessions;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves ONGOING sessions whose link expired to EXPIRED / LINK_EXPIRED. The capture page already refuses an expired
 * link on its own ({@code acceptsAttemptsAt}); the sweep makes the state, the dashboard counts and the export say so.
 * Portal sessions go in one conditional UPDATE ({@code WHERE state = 'ONGOING'}). A session created through the API is
 * expired on its own, in its own transaction with the {@link SessionExpired} event whose listeners enqueue its
 * notifications; its UPDATE is conditional too, so of two nodes sweeping at once exactly one expires (and notifies)
 * each session.
 */
@Component
class ExpirySweep {
    private static final Logger log = LoggerFactory.getLogger(ExpirySweep.class);
    /** API sessions looked at per query; the sweep repeats until none is left. */
    private static final int BATCH = 100;

    private final VerificationSessions sessions;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Clock clock;

    ExpirySweep(VerificationSessions sessions, ApplicationEventPublisher events, PlatformTransactionManager transactions,
                Clock clock) {
        this.sessions = sessions;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${livecheck.lifecycle.initial-delay:PT1M}",
            fixedDelayString = "${livecheck.lifecycle.expiry-interval:PT5M}")
    void run() {
        sweep(clock.instant());
    }

    /** @return how many sessions were expired */
    int sweep(Instant now) {
        int expired = sessions.expireOverdue(now) + expireApiSessions(now);
        if (expired > 0) {
            log.info("expired {} sessions whose capture link had run out", expired);
        } else {
            log.debug("no overdue sessions to expire");
        }
        return expired;
    }

    /**
     * One transaction per session, so one that cannot be expired (its transaction failed) is skipped, logged and
     * tried again by the next sweep, without holding up the others; the query reaches past the skipped ones.
     */
    private int expireApiSessions(Instant now) {
        int expired = 0;
        Set<UUID> failed = new HashSet<>();
        List<VerificationSession> overdue;
        while (!(overdue = sessions.findOverdueCreatedByApi(now, BATCH + failed.size()).stream()
                .filter(s -> !failed.contains(s.id())).toList()).isEmpty()) {
            for (VerificationSession session : overdue) {
                try {
                    expired += expire(session, now) ? 1 : 0;
                } catch (RuntimeException e) {
                    failed.add(session.id());
                    log.warn("could not expire API session {}; the next sweep tries again", session.id(), e);
                }
            }
        }
        return expired;
    }

    /** @return false if another node expired it first (it is then no longer in the next batch either) */
    private boolean expire(VerificationSession session, Instant now) {
        return Boolean.TRUE.equals(transaction.execute(status -> {
            if (sessions.expireOverdueSession(session.businessId(), session.id(), now) != 1) {
                return false;
            }
            events.publishEvent(new SessionExpired(session.businessId(), session.id()));
            return true;
        }));
    }
}
