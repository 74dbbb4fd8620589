package dev.livecheck.persistence.users;

import dev.livecheck.persistence.support.EmailAddresses;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A person who signs in to the portal. {@code email} is the login: unique across all businesses, stored lower-cased.
 * {@code passwordHash} is an encoded hash (BCrypt/Argon2, e.g. "{bcrypt}$2a$..."), never a plain password.
 * {@code passwordChangeRequired}: the password was set by an owner, so the user must choose their own at the next
 * sign-in. {@code totpSecret}: the RFC 6238 secret of the user's second factor, sealed by the portal (null: none).
 * Failed sign-ins are not counted here but in {@link LoginThrottles}.
 */
@Table
public record PortalUser(@Id UUID id, UUID businessId, String email, String displayName, String passwordHash,
                         Role role, boolean enabled, boolean passwordChangeRequired, @Nullable String totpSecret,
                         @Nullable Instant lastLoginAt, Instant createdAt, @Version @Nullable Long version) {
    /** {@code portal_user.display_name VARCHAR(200)}; the e-mail's limit is {@link EmailAddresses#MAX_LENGTH}. */
    public static final int MAX_DISPLAY_NAME_LENGTH = 200;

    public PortalUser {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(businessId, "businessId");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(createdAt, "createdAt");
        // the constructor also reads rows back: only the stored shape here, the full rule in create(...)
        email = EmailAddresses.normalizeStored(email);
        if (displayName == null || displayName.isBlank() || displayName.length() > MAX_DISPLAY_NAME_LENGTH) {
            throw new IllegalArgumentException("display name must be 1-" + MAX_DISPLAY_NAME_LENGTH + " characters");
        }
        if (passwordHash == null || passwordHash.length() < 20) {
            throw new IllegalArgumentException("passwordHash must be an encoded hash, not a plain password");
        }
    }

    /** A user who chose their own password (the first owner). */
    public static PortalUser create(UUID businessId, String email, String displayName, String passwordHash,
                                    Role role, Instant now) {
        return create(businessId, email, displayName, passwordHash, role, false, now);
    }

    /** @param passwordChangeRequired true when someone else (an owner) chose the password */
    public static PortalUser create(UUID businessId, String email, String displayName, String passwordHash,
                                    Role role, boolean passwordChangeRequired, Instant now) {
        return new PortalUser(UUID.randomUUID(), businessId, EmailAddresses.normalize(email), displayName.strip(),
                passwordHash, role, true,
                passwordChangeRequired, null, null, now, null);
    }

    public boolean hasTotp() {
        return totpSecret != null;
    }

    @Override
    public String toString() {
        return "PortalUser[id=" + id + ", businessId=" + businessId + ", email=" + email + ", role=" + role + "]";
    }
}
