package dev.livecheck.portal.email;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The outbox sender's settings. Retries back off exponentially from {@code firstRetryDelay} (1, 2, 4, ... minutes);
 * after {@code maxAttempts} failed sends an e-mail is FAILED and an admin can re-queue it on the outbox page.
 */
@ConfigurationProperties("livecheck.mail")
record MailProperties(@DefaultValue("livecheck@localhost") String from,
                      @DefaultValue("8") int maxAttempts,
                      @DefaultValue("1m") Duration firstRetryDelay,
                      @DefaultValue("2m") Duration claimDuration,
                      @DefaultValue("20") int batchSize) {

    /** Delay before the next try after {@code failedAttempts} failures (1 → first delay, 2 → twice that, ...). */
    Duration retryDelay(int failedAttempts) {
        return firstRetryDelay.multipliedBy(1L << Math.min(failedAttempts - 1, 20));
    }
}
