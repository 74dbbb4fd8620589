package dev.livecheck.persistence.users;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
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
                         Role role, boolean enabled, boolean passwordChangeRequired, String totpSecret,
                         Instant lastLoginAt, Instant createdAt, @Version Long version) {

    public PortalUser {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(businessId, "businessId");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(createdAt, "createdAt");
        email = normalizeEmail(email);
        if (displayName == null || displayName.isBlank()) {
            throw new IllegalArgumentException("display name is required");
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
        return new PortalUser(UUID.randomUUID(), businessId, email, displayName.strip(), passwordHash, role, true,
                passwordChangeRequired, null, null, now, null);
    }

    /** Trims and lower-cases (Locale.ROOT) an e-mail address; rejects anything without an '@'. */
    public static String normalizeEmail(String email) {
        if (email == null) {
            throw new IllegalArgumentException("email is required");
        }
        String normalized = email.strip().toLowerCase(Locale.ROOT);
        int at = normalized.indexOf('@');
        if (at < 1 || at == normalized.length() - 1 || normalized.length() > 320) {
            throw new IllegalArgumentException("not an e-mail address: " + email);
        }
        return normalized;
    }

    public boolean hasTotp() {
        return totpSecret != null;
    }

    @Override
    public String toString() {
        return "PortalUser[id=" + id + ", businessId=" + businessId + ", email=" + email + ", role=" + role + "]";
    }
}
