package dev.livecheck.portal.security;

import dev.livecheck.persistence.audit.AuditAction;
import dev.livecheck.persistence.audit.AuditEvent;
import dev.livecheck.persistence.audit.AuditTarget;
import dev.livecheck.persistence.audit.AuditLog;
import dev.livecheck.persistence.business.Businesses;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Wrong metrics scrape tokens, counted per client address in fixed windows of {@link #WINDOW}: after
 * {@value #FREE_FAILURES} in a window, that address's further tries are refused unchecked until the window ends (a
 * 256-bit token cannot be guessed, but the endpoint need not help anyone try). The first failure of an address's window
 * is logged and audited, the others are only counted, so a scraper left with an old token fills neither.
 *
 * <p>Counted in memory, per portal node (unlike the sign-in throttle's database counts): a wrong scraper token is an
 * operator's misconfiguration far more often than an attack, and the node forgetting on restart costs nothing.
 */
@Service
class MetricsScrapeFailures {
    static final int FREE_FAILURES = 5;
    static final Duration WINDOW = Duration.ofMinutes(1);
    /** Windows kept before ended ones are dropped (a bound on memory when many addresses fail). */
    private static final int PURGE_ABOVE = 10_000;
    private static final Logger log = LoggerFactory.getLogger(MetricsScrapeFailures.class);

    private record Window(Instant start, int failures) {
        boolean endedAt(Instant now) {
            return !now.isBefore(start.plus(WINDOW));
        }
    }

    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private final Businesses businesses;
    private final AuditLog audit;
    private final Clock clock;

    MetricsScrapeFailures(Businesses businesses, AuditLog audit, Clock clock) {
        this.businesses = businesses;
        this.audit = audit;
        this.clock = clock;
    }

    /** How long the address must still wait before its token is checked again, if it must. */
    Optional<Duration> waitBefore(String address) {
        Instant now = clock.instant();
        Window window = windows.get(SignInThrottle.clean(address));
        if (window == null || window.endedAt(now) || window.failures() < FREE_FAILURES) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, window.start().plus(WINDOW)));
    }

    /** A wrong token from {@code address}: counted; the window's first is logged and audited in every business. */
    @Transactional
    void failed(String address) {
        Instant now = clock.instant();
        String subject = SignInThrottle.clean(address);
        if (windows.size() > PURGE_ABOVE) {
            windows.values().removeIf(w -> w.endedAt(now));
        }
        Window window = windows.compute(subject, (key, old) -> old == null || old.endedAt(now)
                ? new Window(now, 1) : new Window(old.start(), old.failures() + 1));
        if (window.failures() == 1) {
            log.warn("Wrong metrics scrape token from {} (further failures from it are not logged for {} s)", subject,
                    WINDOW.toSeconds());
            String details = "address " + subject + ": wrong metrics scrape token (recorded once per "
                    + "address and " + WINDOW.toSeconds() + " s; after " + FREE_FAILURES + " tries it waits)";
            for (var businessId : businesses.findAllIds()) {
                audit.insert(AuditEvent.bySystem(businessId, AuditAction.METRICS_TOKEN_FAILED, AuditTarget.METRICS, "prometheus",
                        details, now));
            }
        }
    }
}
