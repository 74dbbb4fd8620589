package dev.livecheck.portal.notifications;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The notification sender's settings ({@code livecheck.notifications.*}; {@code allow-private-networks} belongs to
 * {@link NotificationEndpointPolicy}). Failed tries back off exponentially from {@code firstRetryDelay} (30 s, 1, 2,
 * 4, ... minutes, at most {@code maxRetryDelay}); after {@code maxAttempts} tries a delivery is FAILED, audited, and an
 * admin can send it again on the Deliveries page. A claim must outlast one try (connect plus request timeout), or a
 * second node could take the delivery over while the first is still sending it.
 *
 * @param enabled          false: this node sends nothing (deliveries stay PENDING for the other nodes)
 * @param maxResponseBytes how much of a response body is read (for the error text); the rest is not downloaded
 */
@ConfigurationProperties("livecheck.notifications")
record NotificationProperties(@DefaultValue("true") boolean enabled,
                              @DefaultValue("10") int maxAttempts,
                              @DefaultValue("30s") Duration firstRetryDelay,
                              @DefaultValue("1h") Duration maxRetryDelay,
                              @DefaultValue("10s") Duration connectTimeout,
                              @DefaultValue("10s") Duration requestTimeout,
                              @DefaultValue("2m") Duration claimDuration,
                              @DefaultValue("20") int batchSize,
                              @DefaultValue("4096") int maxResponseBytes) {

    NotificationProperties {
        if (maxAttempts < 1 || batchSize < 1 || maxResponseBytes < 0) {
            throw new IllegalArgumentException("livecheck.notifications: max-attempts and batch-size must be at least 1,"
                    + " max-response-bytes at least 0");
        }
        if (!isPositive(firstRetryDelay) || !isPositive(maxRetryDelay) || !isPositive(connectTimeout)
                || !isPositive(requestTimeout)) {
            throw new IllegalArgumentException("livecheck.notifications: delays and timeouts must be positive");
        }
        if (claimDuration == null || claimDuration.compareTo(connectTimeout.plus(requestTimeout)) <= 0) {
            throw new IllegalArgumentException("livecheck.notifications.claim-duration must be longer than"
                    + " connect-timeout + request-timeout");
        }
    }

    /** Delay before the next try after {@code failedTries} failures (1 → first delay, 2 → twice that, ...). */
    Duration retryDelay(int failedTries) {
        Duration delay = firstRetryDelay.multipliedBy(1L << Math.min(Math.max(failedTries - 1, 0), 20));
        return delay.compareTo(maxRetryDelay) > 0 ? maxRetryDelay : delay;
    }

    /** The longest one try may take: connecting, then waiting for and reading the response. */
    Duration tryDeadline() {
        return connectTimeout.plus(requestTimeout);
    }

    private static boolean isPositive(Duration d) {
        return d != null && !d.isNegative() && !d.isZero();
    }
}
