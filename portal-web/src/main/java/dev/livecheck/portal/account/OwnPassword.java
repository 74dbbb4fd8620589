package dev.livecheck.portal.account;

import dev.livecheck.persistence.audit.AuditAction;
import dev.livecheck.persistence.audit.AuditLog;
import dev.livecheck.persistence.audit.AuditTarget;
import dev.livecheck.persistence.users.PortalUser;
import dev.livecheck.persistence.users.PortalUsers;
import dev.livecheck.portal.security.PortalPrincipal;
import dev.livecheck.portal.security.SignInThrottle;
import dev.livecheck.portal.security.TrustedBrowsers;
import dev.livecheck.portal.web.PasswordPolicy;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A user changes their own password. The current one is required and guessing it counts against the account like a
 * failed sign-in (a stolen session cannot try passwords freely). Afterwards the user's other sessions end and their
 * trusted browsers are forgotten: whoever knew the old password may be signed in with it.
 */
@Service
class OwnPassword {
    enum Outcome { CHANGED, WRONG_CURRENT, SAME_AS_CURRENT, THROTTLED }

    private final PortalUsers users;
    private final PasswordEncoder encoder;
    private final SignInThrottle throttle;
    private final TrustedBrowsers browsers;
    private final FindByIndexNameSessionRepository<? extends Session> sessions;
    private final AuditLog audit;
    private final Clock clock;

    OwnPassword(PortalUsers users, PasswordEncoder encoder, SignInThrottle throttle, TrustedBrowsers browsers,
                FindByIndexNameSessionRepository<? extends Session> sessions, AuditLog audit, Clock clock) {
        this.users = users;
        this.encoder = encoder;
        this.throttle = throttle;
        this.browsers = browsers;
        this.sessions = sessions;
        this.audit = audit;
        this.clock = clock;
    }

    /** The wait a wrong current password has started, if one is running. */
    Optional<Duration> waitBefore(PortalPrincipal me, String address) {
        return throttle.waitBefore(me.getUsername(), address, false);
    }

    @Transactional
    Outcome change(PortalPrincipal me, String current, String next, String address, String sessionId) {
        if (waitBefore(me, address).isPresent()) {
            return Outcome.THROTTLED;
        }
        PortalUser user = users.findByBusinessIdAndId(me.businessId(), me.userId()).orElseThrow();
        if (PasswordPolicy.tooLong(current) || !encoder.matches(current, user.passwordHash())) {
            throttle.failed(user.email(), address, Optional.of(user));
            return Outcome.WRONG_CURRENT;
        }
        if (current.equals(next)) {
            return Outcome.SAME_AS_CURRENT;
        }
        users.changePasswordHash(me.businessId(), me.userId(), encoder.encode(next), false);
        audit.insert(me.audited(AuditAction.PASSWORD_CHANGED, AuditTarget.USER,
                me.userId().toString(), user.passwordChangeRequired() ? "replaced the password an owner set" : null,
                clock.instant()));
        browsers.forgetAll(me.businessId(), me.userId());
        sessions.findByPrincipalName(user.email()).keySet().stream().filter(id -> !id.equals(sessionId))
                .forEach(sessions::deleteById);
        return Outcome.CHANGED;
    }
}
