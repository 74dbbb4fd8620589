package dev.livecheck.portal.security;

import dev.livecheck.persistence.audit.AuditAction;
import dev.livecheck.persistence.audit.AuditEvent;
import dev.livecheck.persistence.audit.AuditTarget;
import dev.livecheck.persistence.users.PortalUser;
import dev.livecheck.persistence.users.Role;
import java.io.Serial;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in portal user. Controllers take the tenant from {@link #businessId()} only, never from a request
 * parameter. Serializable because Spring Session stores it in the database.
 *
 * <p>A sign-in may still owe a step ({@link #pending()}): a second factor, a password of one's own, or setting up the
 * second factor the business requires. Until it is done the principal has no role at all (so no page that needs one
 * opens even if a filter were bypassed) and {@code SignInSteps} sends every request to that step's page.
 */
public final class PortalPrincipal implements UserDetails, CredentialsContainer {
    @Serial
    private static final long serialVersionUID = 1L;

    /** What the sign-in still owes before the user gets their role. */
    public enum Step {
        NONE,
        /** The password was right; the TOTP code (or a recovery code) is still due. */
        SECOND_FACTOR,
        /** An owner set the password: the user chooses their own first. */
        PASSWORD_CHANGE,
        /** The business requires a second factor for ADMIN/OWNER and this user has none yet. */
        SECOND_FACTOR_SETUP
    }

    private final UUID userId;
    private final UUID businessId;
    private final String email;
    private final String displayName;
    private final Role role;
    private final boolean enabled;
    private final Step pending;
    private String passwordHash;

    /** A fully signed-in user ({@code locked} is kept for callers of old; accounts are disabled, never locked). */
    public PortalPrincipal(UUID userId, UUID businessId, String email, String displayName, Role role,
                           boolean enabled, boolean locked, String passwordHash) {
        this(userId, businessId, email, displayName, role, enabled && !locked, passwordHash, Step.NONE);
    }

    public PortalPrincipal(UUID userId, UUID businessId, String email, String displayName, Role role,
                           boolean enabled, String passwordHash, Step pending) {
        this.userId = userId;
        this.businessId = businessId;
        this.email = email;
        this.displayName = displayName;
        this.role = role;
        this.enabled = enabled;
        this.passwordHash = passwordHash;
        this.pending = pending;
    }

    static PortalPrincipal of(PortalUser user, Step pending) {
        return new PortalPrincipal(user.id(), user.businessId(), user.email(), user.displayName(), user.role(),
                user.enabled(), user.passwordHash(), pending);
    }

    /** An audit event of this user in their business: how the portal's pages record what a user did. */
    public AuditEvent audited(AuditAction action, AuditTarget target, String targetId, String details, Instant at) {
        return AuditEvent.byUser(businessId, userId, action, target, targetId, details, at);
    }

    /** The same user with the step done and, if another is due, that one pending. */
    public PortalPrincipal withPending(Step next) {
        return new PortalPrincipal(userId, businessId, email, displayName, role, enabled, passwordHash, next);
    }

    public Step pending() {
        return pending;
    }

    public UUID userId() {
        return userId;
    }

    public UUID businessId() {
        return businessId;
    }

    public String displayName() {
        return displayName;
    }

    public Role role() {
        return role;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return pending == Step.NONE ? List.of(new SimpleGrantedAuthority("ROLE_" + role.name())) : List.of();
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return email;
    }

    @Override
    public boolean isAccountNonLocked() {
        return true;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public String toString() {
        return "PortalPrincipal[userId=" + userId + ", businessId=" + businessId + ", role=" + role + ", pending="
                + pending + "]";
    }
}
