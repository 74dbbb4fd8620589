package dev.livecheck.portal.security;

import dev.livecheck.persistence.audit.AuditAction;
import dev.livecheck.persistence.audit.AuditEvent;
import dev.livecheck.persistence.audit.AuditLog;
import dev.livecheck.persistence.audit.AuditTarget;
import dev.livecheck.persistence.sessions.CaptureTokens;
import dev.livecheck.persistence.users.LoginThrottle;
import dev.livecheck.persistence.users.LoginThrottles;
import dev.livecheck.persistence.users.PortalUser;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Slows down password guessing without ever locking anyone out. Failures count per account (the e-mail tried, whether
 * or not it is an account, so the answer never tells) and per client address; after {@value #FREE_FAILURES} of them
 * each further one makes that subject wait 1 s, 2 s, 4 s ... up to {@link #MAX_DELAY} before its next try. A try made
 * while waiting is refused unchecked and counts nothing, so an attacker cannot stretch the wait. A success clears the
 * account's count; counts older than {@link #RESET_AFTER} start again (the old lockout never forgot: after its first
 * lock a single failure locked again, so one request every 15 minutes kept an owner out for good).
 *
 * <p>Against an attacker who fails on purpose to keep an owner out: a browser where the user signed in before
 * ({@link TrustedBrowsers}) is not held back by the account's count, only by its own address's. Locking an account
 * is an owner's action (disable on /users), never a side effect of failures.
 */
@Service
public class SignInThrottle {
    static final int FREE_FAILURES = 3;
    static final Duration FIRST_DELAY = Duration.ofSeconds(1);
    static final Duration MAX_DELAY = Duration.ofMinutes(5);
    static final Duration RESET_AFTER = Duration.ofHours(1);
    private static final Logger log = LoggerFactory.getLogger(SignInThrottle.class);

    private final LoginThrottles throttles;
    private final AuditLog audit;
    private final Clock clock;

    SignInThrottle(LoginThrottles throttles, AuditLog audit, Clock clock) {
        this.throttles = throttles;
        this.audit = audit;
        this.clock = clock;
    }

    /** The wait before {@code n} failures may be followed by another try. */
    static Duration delayAfter(int failures) {
        if (failures <= FREE_FAILURES) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - FREE_FAILURES - 1, 20);
        Duration delay = FIRST_DELAY.multipliedBy(1L << doublings);
        return delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
    }

    /**
     * How long the try must still wait, if at all.
     *
     * @param trustedBrowser the request comes from a browser this account signed in with: the account's count does
     *                       not hold it back
     */
    @Transactional(readOnly = true)
    public Optional<Duration> waitBefore(String email, String address, boolean trustedBrowser) {
        Instant now = clock.instant();
        List<String> subjects = new ArrayList<>();
        if (!trustedBrowser) {
            subjects.add(accountSubject(email));
        }
        subjects.add(addressSubject(address));
        Duration longest = Duration.ZERO;
        for (String subject : subjects) {
            Optional<LoginThrottle> row = throttles.find(subject);
            if (row.isPresent() && row.get().blockedAt(now)) {
                Duration left = Duration.between(now, row.get().blockedUntil());
                longest = left.compareTo(longest) > 0 ? left : longest;
            }
        }
        return longest.isZero() ? Optional.empty() : Optional.of(longest);
    }

    /**
     * A failed try: counts for the account and the address, in a transaction of its own (the sign-in's failure must
     * not roll it back). Starting a wait is audited on the account, if there is one.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void failed(String email, String address, Optional<PortalUser> account) {
        Instant now = clock.instant();
        count(accountSubject(email), now).ifPresent(wait -> account.ifPresent(user -> audit.insert(
                AuditEvent.bySystem(user.businessId(), AuditAction.LOGIN_THROTTLED, AuditTarget.USER,
                        user.id().toString(), "account: next sign-in after " + wait.toSeconds() + " s", now))));
        count(addressSubject(address), now).ifPresent(wait -> {
            log.warn("Sign-in failures from {}: next try after {} s", clean(address), wait.toSeconds());
            account.ifPresent(user -> audit.insert(AuditEvent.bySystem(user.businessId(), AuditAction.LOGIN_THROTTLED,
                    AuditTarget.USER, user.id().toString(), "address " + clean(address) + ": next sign-in after "
                            + wait.toSeconds() + " s", now)));
        });
        throttles.deleteStale(now.minus(RESET_AFTER));
    }

    /** A successful sign-in clears the account's count (not the address's: one's own account must not launder it). */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void succeeded(String email) {
        throttles.clear(accountSubject(email));
    }

    /** An owner lifts the account's wait. */
    @Transactional
    public void clearAccount(String email) {
        throttles.clear(accountSubject(email));
    }

    /** Until when the account's sign-ins wait (for the users page), if they do. */
    @Transactional(readOnly = true)
    public Optional<Instant> accountBlockedUntil(String email) {
        Instant now = clock.instant();
        return throttles.find(accountSubject(email)).filter(t -> t.blockedAt(now)).map(LoginThrottle::blockedUntil);
    }

    /** @return the wait this failure started, if it started one */
    private Optional<Duration> count(String subject, Instant now) {
        if (throttles.countFailure(subject, now, now.minus(RESET_AFTER)) == 0) {
            try {
                throttles.insert(new LoginThrottle(subject, 1, now, null));
            } catch (DuplicateKeyException raced) {
                throttles.countFailure(subject, now, now.minus(RESET_AFTER));
            }
        }
        int failures = throttles.find(subject).map(LoginThrottle::failures).orElse(1);
        Duration wait = delayAfter(failures);
        if (wait.isZero()) {
            return Optional.empty();
        }
        throttles.blockUntil(subject, now.plus(wait));
        return Optional.of(wait);
    }

    /** Hashed: the table then holds no e-mail addresses, and every subject fits its column. */
    static String accountSubject(String email) {
        String normalized = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        return "account:" + CaptureTokens.hash(normalized);
    }

    static String addressSubject(String address) {
        return "address:" + clean(address);
    }

    /** An address as logged and counted: address characters only, bounded length (also the metrics token's). */
    static String clean(String address) {
        if (address == null || address.isBlank()) {
            return "unknown";
        }
        String kept = address.replaceAll("[^0-9A-Fa-f:.%]", "?");
        return kept.length() > 60 ? kept.substring(0, 60) : kept;
    }
}
