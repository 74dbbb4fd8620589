package dev.livecheck.portal.capture;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many capture sockets may be open at once and for how long ({@code livecheck.capture.connections.*}). A page
 * needs one socket (two while a reload replaces the old one), so more per session is a script; a crowd behind one
 * NAT may need a higher per-address figure. Counted per portal node (see {@link SocketGuard}).
 *
 * @param maxPerSession sockets bound to one verification session
 * @param maxPerAddress sockets from one client address (behind a TLS proxy: X-Forwarded-For, see operations.md)
 * @param idleTimeout   a socket that sends neither a frame nor a message for this long is closed
 * @param maxLifetime   no socket stays open longer than this
 */
@ConfigurationProperties("livecheck.capture.connections")
record ConnectionLimits(@DefaultValue("2") int maxPerSession,
                        @DefaultValue("20") int maxPerAddress,
                        @DefaultValue("60s") Duration idleTimeout,
                        @DefaultValue("10m") Duration maxLifetime) {

    ConnectionLimits {
        if (maxPerSession < 1 || maxPerAddress < 1) {
            throw new IllegalArgumentException("livecheck.capture.connections.max-per-* must be at least 1");
        }
        if (idleTimeout.isNegative() || idleTimeout.isZero() || maxLifetime.isNegative() || maxLifetime.isZero()) {
            throw new IllegalArgumentException("livecheck.capture.connections timeouts must be positive");
        }
    }

    /** How often open sockets are checked: often enough that a timeout fires within a quarter of itself. */
    Duration sweepPeriod() {
        Duration shortest = idleTimeout.compareTo(maxLifetime) < 0 ? idleTimeout : maxLifetime;
        Duration quarter = shortest.dividedBy(4);
        Duration floor = Duration.ofMillis(100);
        return quarter.compareTo(Duration.ofSeconds(1)) > 0 ? Duration.ofSeconds(1)
                : quarter.compareTo(floor) < 0 ? floor : quarter;
    }
}
