package dev.livecheck.portal.api;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * A token bucket per application on this node: {@code requestsPerMinute} may come in a burst, then they refill
 * evenly. A refused request learns after how many seconds the next one will be accepted ({@code Retry-After}).
 */
@Component
class ApiRateLimiter {

    private final Map<UUID, Bucket> buckets = new ConcurrentHashMap<>();
    private final int requestsPerMinute;
    private final Clock clock;

    ApiRateLimiter(ApiProperties properties, Clock clock) {
        this.requestsPerMinute = properties.requestsPerMinute();
        this.clock = clock;
    }

    /** @return empty if the request may go ahead, else the seconds to wait */
    OptionalLong take(UUID applicationId) {
        return buckets.computeIfAbsent(applicationId, id -> new Bucket(requestsPerMinute, clock.millis()))
                .take(clock.millis(), requestsPerMinute);
    }

    private static final class Bucket {
        private static final long MINUTE_MS = Duration.ofMinutes(1).toMillis();
        private double tokens;
        private long lastMillis;

        Bucket(int capacity, long now) {
            this.tokens = capacity;
            this.lastMillis = now;
        }

        synchronized OptionalLong take(long now, int capacity) {
            tokens = Math.min(capacity, tokens + (now - lastMillis) * (double) capacity / MINUTE_MS);
            lastMillis = now;
            if (tokens >= 1) {
                tokens -= 1;
                return OptionalLong.empty();
            }
            double millisPerToken = (double) MINUTE_MS / capacity;
            return OptionalLong.of((long) Math.ceil((1 - tokens) * millisPerToken / 1000.0));
        }
    }
}
