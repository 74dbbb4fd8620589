package dev.livecheck.portal.security;

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
 */
public final class PortalPrincipal implements UserDetails, CredentialsContainer {
    @Serial
    private static final long serialVersionUID = 1L;

    private final UUID userId;
    private final UUID businessId;
    private final String email;
    private final String displayName;
    private final Role role;
    private final boolean enabled;
    private final boolean locked;
    private String passwordHash;

    public PortalPrincipal(UUID userId, UUID businessId, String email, String displayName, Role role,
                           boolean enabled, boolean locked, String passwordHash) {
        this.userId = userId;
        this.businessId = businessId;
        this.email = email;
        this.displayName = displayName;
        this.role = role;
        this.enabled = enabled;
        this.locked = locked;
        this.passwordHash = passwordHash;
    }

    static PortalPrincipal of(PortalUser user, Instant now) {
        return new PortalPrincipal(user.id(), user.businessId(), user.email(), user.displayName(), user.role(),
                user.enabled(), user.lockedAt(now), user.passwordHash());
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
        return List.of(new SimpleGrantedAuthority("ROLE_" + role.name()));
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
        return !locked;
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
        return "PortalPrincipal[userId=" + userId + ", businessId=" + businessId + ", role=" + role + "]";
    }
}
