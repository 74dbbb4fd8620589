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
 */
@Table
public record PortalUser(@Id UUID id, UUID businessId, String email, String displayName, String passwordHash,
                         Role role, boolean enabled, int failedLoginCount, Instant lockedUntil, Instant lastLoginAt,
                         Instant createdAt, @Version Long version) {

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

    public static PortalUser create(UUID businessId, String email, String displayName, String passwordHash,
                                    Role role, Instant now) {
        return new PortalUser(UUID.randomUUID(), businessId, email, displayName.strip(), passwordHash, role, true, 0,
                null, null, now, null);
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

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    public PortalUser withVersion(Long newVersion) {
        return new PortalUser(id, businessId, email, displayName, passwordHash, role, enabled, failedLoginCount,
                lockedUntil, lastLoginAt, createdAt, newVersion);
    }

    @Override
    public String toString() {
        return "PortalUser[id=" + id + ", businessId=" + businessId + ", email=" + email + ", role=" + role + "]";
    }
}
