package dev.livecheck.portal.security;

import dev.livecheck.persistence.audit.AuditAction;
import dev.livecheck.persistence.audit.AuditEvent;
import dev.livecheck.persistence.audit.AuditLog;
import dev.livecheck.persistence.audit.AuditTarget;
import dev.livecheck.persistence.users.PortalUser;
import dev.livecheck.persistence.users.PortalUsers;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The audit trail of sign-ins (the throttle itself is {@link SignInThrottle}'s). */
@Service
class LoginAttempts {
    private final PortalUsers users;
    private final AuditLog audit;
    private final Clock clock;

    LoginAttempts(PortalUsers users, AuditLog audit, Clock clock) {
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    /** A wrong password for an account (unknown e-mails leave no trace in any business's log). */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void failed(PortalUser user) {
        audit.insert(AuditEvent.byUser(user.businessId(), user.id(), AuditAction.LOGIN_FAILED, AuditTarget.USER,
                user.id().toString(), null, clock.instant()));
    }

    @Transactional
    void succeeded(PortalPrincipal principal) {
        Instant now = clock.instant();
        users.recordLoginSuccess(principal.businessId(), principal.userId(), now);
        audit.insert(AuditEvent.byUser(principal.businessId(), principal.userId(), AuditAction.LOGIN_SUCCEEDED,
                AuditTarget.USER, principal.userId().toString(), null, now));
    }
}
