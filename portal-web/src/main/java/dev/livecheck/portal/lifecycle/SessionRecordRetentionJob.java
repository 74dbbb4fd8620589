package dev.livecheck.portal.lifecycle;

import dev.livecheck.persistence.sessions.RecordRetention;
import dev.livecheck.persistence.sessions.VerificationSessions;
import dev.livecheck.portal.sessions.SessionDeletion;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes session records older than their profile's record retention (default 365 days), each with its attempts,
 * images, e-mails and notification deliveries, one session per transaction ({@link SessionDeletion}); the audit log
 * keeps only ids of them. A second node's run finds the sessions gone and deletes nothing twice. At most
 * {@value #BATCH} sessions per profile and run, so one run never holds the database for long; the next run goes on.
 */
@Component
class SessionRecordRetentionJob {
    static final int BATCH = 500;
    private static final Logger log = LoggerFactory.getLogger(SessionRecordRetentionJob.class);

    private final VerificationSessions sessions;
    private final SessionDeletion deletion;
    private final Clock clock;

    SessionRecordRetentionJob(VerificationSessions sessions, SessionDeletion deletion, Clock clock) {
        this.sessions = sessions;
        this.deletion = deletion;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${livecheck.lifecycle.initial-delay:PT1M}",
            fixedDelayString = "${livecheck.lifecycle.retention-interval:PT1H}")
    void run() {
        delete(clock.instant());
    }

    /** @return how many session records were deleted */
    int delete(Instant now) {
        int deleted = 0;
        for (RecordRetention retention : sessions.findAllRecordRetentions()) {
            Instant cutoff = now.minus(Duration.ofDays(retention.days()));
            for (UUID id : sessions.findIdsCreatedBefore(retention.businessId(), retention.profileId(), cutoff, BATCH)) {
                if (deletion.deleteAfterRetention(retention.businessId(), id, retention.days(), now)) {
                    deleted++;
                }
            }
        }
        if (deleted > 0) {
            log.info("deleted {} session records past their profile's record retention", deleted);
        }
        return deleted;
    }
}
