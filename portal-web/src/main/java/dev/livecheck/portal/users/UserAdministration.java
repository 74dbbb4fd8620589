package dev.livecheck.portal.users;

import dev.livecheck.persistence.audit.AuditAction;
import dev.livecheck.persistence.audit.AuditLog;
import dev.livecheck.persistence.audit.AuditTarget;
import dev.livecheck.persistence.business.Businesses;
import dev.livecheck.persistence.support.EmailAddresses;
import dev.livecheck.persistence.users.PortalUser;
import dev.livecheck.persistence.users.PortalUsers;
import dev.livecheck.persistence.users.Role;
import dev.livecheck.portal.security.PortalPrincipal;
import dev.livecheck.portal.security.SignInThrottle;
import dev.livecheck.portal.security.TrustedBrowsers;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * User changes within the signed-in OWNER's business, each with its audit event in the same transaction. Passwords
 * are stored only as the application's {@link PasswordEncoder} hash and never written to the audit log.
 */
@Service
class UserAdministration {

    /** What became of a requested change. */
    enum Outcome {
        DONE,
        /** No such user in this business. */
        NOT_FOUND,
        /** Refused: the business would be left without an enabled OWNER. */
        LAST_OWNER
    }

    private final PortalUsers users;
    private final AuditLog audit;
    private final PasswordEncoder passwordEncoder;
    private final SignedInSessions signedInSessions;
    private final SignInThrottle throttle;
    private final TrustedBrowsers browsers;
    private final Businesses businesses;
    private final Clock clock;

    UserAdministration(PortalUsers users, AuditLog audit, PasswordEncoder passwordEncoder,
                       SignedInSessions signedInSessions, SignInThrottle throttle, TrustedBrowsers browsers,
                       Businesses businesses, Clock clock) {
        this.businesses = businesses;
        this.users = users;
        this.audit = audit;
        this.passwordEncoder = passwordEncoder;
        this.signedInSessions = signedInSessions;
        this.throttle = throttle;
        this.browsers = browsers;
        this.clock = clock;
    }

    List<PortalUser> list(PortalPrincipal me) {
        return users.findAllByBusinessIdOrderByEmail(me.businessId());
    }

    Optional<PortalUser> find(PortalPrincipal me, UUID id) {
        return users.findByBusinessIdAndId(me.businessId(), id);
    }

    /** Logins are unique across all businesses, so this looks beyond the OWNER's own. */
    boolean emailInUse(String email) {
        return users.findByLoginEmail(EmailAddresses.normalize(email)).isPresent();
    }

    /**
     * The new user must choose their own password at the first sign-in: the owner knows this one.
     *
     * @throws org.springframework.dao.DuplicateKeyException if the e-mail was taken since {@link #emailInUse}
     */
    @Transactional
    PortalUser create(PortalPrincipal me, NewUserForm form) {
        Instant now = clock.instant();
        PortalUser created = users.insert(PortalUser.create(me.businessId(), form.getEmail(), form.getDisplayName(),
                passwordEncoder.encode(form.getPassword()), form.getRole(), true, now));
        audit.insert(me.audited(AuditAction.USER_CREATED, AuditTarget.USER, created.id().toString(),
                created.email() + " as " + created.role(), now));
        return created;
    }

    @Transactional
    Outcome changeRole(PortalPrincipal me, UUID id, Role role) {
        users.lockEnabledOwners(me.businessId());
        Optional<PortalUser> found = find(me, id);
        if (found.isEmpty()) {
            return Outcome.NOT_FOUND;
        }
        PortalUser user = found.get();
        if (user.role() == role) {
            return Outcome.DONE;
        }
        if (role != Role.OWNER && isLastEnabledOwner(user)) {
            return Outcome.LAST_OWNER;
        }
        users.updateAccount(me.businessId(), id, user.displayName(), role, user.enabled());
        audit.insert(me.audited(AuditAction.USER_UPDATED, AuditTarget.USER, user.id().toString(),
                "role " + user.role() + " -> " + role, clock.instant()));
        signedInSessions.endAllOf(user.email(), null);
        return Outcome.DONE;
    }

    @Transactional
    Outcome setEnabled(PortalPrincipal me, UUID id, boolean enabled) {
        users.lockEnabledOwners(me.businessId());
        Optional<PortalUser> found = find(me, id);
        if (found.isEmpty()) {
            return Outcome.NOT_FOUND;
        }
        PortalUser user = found.get();
        if (user.enabled() == enabled) {
            return Outcome.DONE;
        }
        if (!enabled && isLastEnabledOwner(user)) {
            return Outcome.LAST_OWNER;
        }
        users.updateAccount(me.businessId(), id, user.displayName(), user.role(), enabled);
        audit.insert(me.audited(AuditAction.USER_UPDATED, AuditTarget.USER, user.id().toString(),
                enabled ? "enabled" : "disabled", clock.instant()));
        if (!enabled) {
            signedInSessions.endAllOf(user.email(), null);
        }
        return Outcome.DONE;
    }

    /** Lifts the account's sign-in wait (after failed sign-ins) before it runs out. */
    @Transactional
    Outcome unlock(PortalPrincipal me, UUID id) {
        Optional<PortalUser> found = find(me, id);
        if (found.isEmpty()) {
            return Outcome.NOT_FOUND;
        }
        throttle.clearAccount(found.get().email());
        audit.insert(me.audited(AuditAction.USER_UPDATED, AuditTarget.USER, found.get().id().toString(),
                "sign-in delay cleared", clock.instant()));
        return Outcome.DONE;
    }

    boolean totpRequired(PortalPrincipal me) {
        return businesses.totpRequired(me.businessId());
    }

    @Transactional
    void requireTotp(PortalPrincipal me, boolean required) {
        businesses.requireTotp(me.businessId(), required);
        audit.insert(me.audited(AuditAction.USER_UPDATED, AuditTarget.BUSINESS,
                me.businessId().toString(), "second factor " + (required ? "required" : "optional")
                        + " for admins and owners", clock.instant()));
    }

    /** Until when the user's sign-ins wait after failures, if they do. */
    Optional<Instant> signInDelayedUntil(PortalUser user) {
        return throttle.accountBlockedUntil(user.email());
    }

    /**
     * Sets a new password that the user must replace at the next sign-in (unless it is the owner's own), clears the
     * sign-in delay, forgets the user's trusted browsers and ends their other sessions, since whoever knew the old
     * password may be signed in with it. The caller's own session survives when they change their own password.
     */
    @Transactional
    Outcome resetPassword(PortalPrincipal me, UUID id, String rawPassword, String currentSessionId) {
        Optional<PortalUser> found = find(me, id);
        boolean own = id.equals(me.userId());
        if (found.isEmpty()
                || users.changePasswordHash(me.businessId(), id, passwordEncoder.encode(rawPassword), !own) != 1) {
            return Outcome.NOT_FOUND;
        }
        PortalUser user = found.get();
        throttle.clearAccount(user.email());
        browsers.forgetAll(me.businessId(), id);
        audit.insert(me.audited(AuditAction.USER_UPDATED, AuditTarget.USER, user.id().toString(), "password reset",
                clock.instant()));
        signedInSessions.endAllOf(user.email(), user.id().equals(me.userId()) ? currentSessionId : null);
        return Outcome.DONE;
    }

    /**
     * Whether taking {@code user}'s OWNER rights away would leave the business without an enabled OWNER. Callers take
     * {@link PortalUsers#lockEnabledOwners} first, so the count cannot change until their transaction ends.
     */
    private boolean isLastEnabledOwner(PortalUser user) {
        return user.role() == Role.OWNER && user.enabled()
                && users.countByBusinessIdAndRoleAndEnabled(user.businessId(), Role.OWNER, true) <= 1;
    }
}
