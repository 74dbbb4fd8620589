package dev.livecheck.portal.security;

import dev.livecheck.persistence.audit.AuditEvent;
import dev.livecheck.persistence.audit.AuditLog;
import dev.livecheck.persistence.users.PortalUser;
import dev.livecheck.persistence.users.PortalUsers;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Counts failed sign-ins per account and locks it for {@link #LOCK_DURATION} after {@link #LOCK_THRESHOLD} of them. */
@Service
class LoginAttempts {
    static final int LOCK_THRESHOLD = 5;
    static final Duration LOCK_DURATION = Duration.ofMinutes(15);

    private final PortalUsers users;
    private final AuditLog audit;
    private final Clock clock;

    LoginAttempts(PortalUsers users, AuditLog audit, Clock clock) {
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    /** A wrong password for {@code email}; unknown e-mails change nothing (and are told apart nowhere). */
    @Transactional
    void failed(String email) {
        if (email == null || email.isBlank()) {
            return;
        }
        users.findByLoginEmail(email.strip()).ifPresent(this::countFailure);
    }

    private void countFailure(PortalUser user) {
        Instant now = clock.instant();
        users.recordLoginFailure(user.businessId(), user.id(), LOCK_THRESHOLD, now.plus(LOCK_DURATION));
        audit.insert(AuditEvent.byUser(user.businessId(), user.id(), AuditEvent.LOGIN_FAILED, "USER",
                user.id().toString(), null, now));
        if (user.failedLoginCount() + 1 == LOCK_THRESHOLD) {
            audit.insert(AuditEvent.bySystem(user.businessId(), AuditEvent.ACCOUNT_LOCKED, "USER",
                    user.id().toString(), "locked for " + LOCK_DURATION.toMinutes() + " minutes", now));
        }
    }

    @Transactional
    void succeeded(PortalPrincipal principal) {
        Instant now = clock.instant();
        users.recordLoginSuccess(principal.businessId(), principal.userId(), now);
        audit.insert(AuditEvent.byUser(principal.businessId(), principal.userId(), AuditEvent.LOGIN_SUCCEEDED,
                "USER", principal.userId().toString(), null, now));
    }
}
