package dev.livecheck.portal.lifecycle;

import dev.livecheck.persistence.attempts.MediaRetention;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Drops image bytes older than their profile's retention; size and SHA-256 stay, so a report still shows that an image
 * existed. {@code MediaRetention} purges only rows not purged yet and writes one MEDIA_PURGED audit event per business,
 * so a second node's run purges nothing twice. Retention is counted in days, so an hourly run is precise enough.
 */
@Component
class ImageRetentionJob {
    private static final Logger log = LoggerFactory.getLogger(ImageRetentionJob.class);

    private final MediaRetention retention;
    private final Clock clock;

    ImageRetentionJob(MediaRetention retention, Clock clock) {
        this.retention = retention;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${livecheck.lifecycle.initial-delay:PT1M}",
            fixedDelayString = "${livecheck.lifecycle.retention-interval:PT1H}")
    void run() {
        purge(clock.instant());
    }

    /** @return how many images lost their bytes */
    int purge(Instant now) {
        int purged = retention.purgeExpired(now);
        if (purged > 0) {
            log.info("purged {} images past their profile's retention", purged);
        } else {
            log.debug("no images past retention");
        }
        return purged;
    }
}
