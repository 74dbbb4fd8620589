package dev.livecheck.persistence.profiles;

import dev.livecheck.persistence.support.StoredAs;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A business's liveness-check configuration. The ranges are validated here and again by CHECK constraints in the
 * database: max retries 1-10 (default 3), challenges 2-3 (default 2), link lifetime 1-720 h (default 72), image
 * retention 1-3650 days (default 30), abandoned attempts per session 1-20 (default 5), brand colour "#rrggbb"
 * lower-case.
 */
@Table
public record CheckProfile(@Id UUID id, UUID businessId, String name, LivenessType livenessType,
                           @StoredAs("max_retries") int maxAttempts,
                           int challengeCount, int linkLifetimeHours, int imageRetentionDays,
                           int maxAbandonedAttempts, String successRedirectUrl, String errorRedirectUrl, String brandColour, String locale,
                           String emailSubject, String emailBodyText, String emailBodyHtml, boolean archived,
                           Instant createdAt, Instant updatedAt, @Version Long version) {

    public static final int DEFAULT_MAX_ATTEMPTS = 3;
    /**
     * Maximum attempts per session (min 1: it counts attempts, not retries after the first): the profile form, the
     * API's {@code max_retries} and the {@code max_retries} column's CHECK constraint, which keep their wire names.
     */
    public static final int MIN_MAX_ATTEMPTS = 1;
    public static final int MAX_MAX_ATTEMPTS = 10;
    public static final int MAX_LINK_LIFETIME_HOURS = 720;
    /** Longest image retention: the profile form, the API's {@code resources_ttl} and the CHECK constraint. */
    public static final int MAX_IMAGE_RETENTION_DAYS = 3650;
    /** A brand colour as stored: "#rrggbb", lower-case. */
    public static final Pattern COLOUR = Pattern.compile("#[0-9a-f]{6}");
    /** A locale tag as stored, e.g. en, de or pt-BR. */
    public static final Pattern LOCALE = Pattern.compile("[a-z]{2,3}([-_][A-Za-z0-9]{2,8})?");
    public static final int DEFAULT_CHALLENGE_COUNT = 2;
    public static final int DEFAULT_LINK_LIFETIME_HOURS = 72;
    public static final int DEFAULT_IMAGE_RETENTION_DAYS = 30;
    /**
     * Attempts abandoned after a challenge was issued (cancel, socket closed) that a session tolerates before it
     * closes as REJECT: the profile form, the API's {@code max_abandoned_attempts} and the CHECK constraints (V5).
     */
    public static final int MIN_MAX_ABANDONED_ATTEMPTS = 1;
    public static final int MAX_MAX_ABANDONED_ATTEMPTS = 20;
    public static final int DEFAULT_MAX_ABANDONED_ATTEMPTS = 5;

    public CheckProfile {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(businessId, "businessId");
        Objects.requireNonNull(livenessType, "livenessType");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        require(name != null && !name.isBlank() && name.length() <= 200, "name must be 1-200 characters");
        require(maxAttempts >= MIN_MAX_ATTEMPTS && maxAttempts <= MAX_MAX_ATTEMPTS, "maxAttempts must be 1-10");
        require(challengeCount >= 2 && challengeCount <= 3, "challengeCount must be 2-3");
        require(linkLifetimeHours >= 1 && linkLifetimeHours <= MAX_LINK_LIFETIME_HOURS, "linkLifetimeHours must be 1-720");
        require(imageRetentionDays >= 1 && imageRetentionDays <= MAX_IMAGE_RETENTION_DAYS,
                "imageRetentionDays must be 1-" + MAX_IMAGE_RETENTION_DAYS);
        require(maxAbandonedAttempts >= MIN_MAX_ABANDONED_ATTEMPTS && maxAbandonedAttempts <= MAX_MAX_ABANDONED_ATTEMPTS,
                "maxAbandonedAttempts must be " + MIN_MAX_ABANDONED_ATTEMPTS + "-" + MAX_MAX_ABANDONED_ATTEMPTS);
        require(brandColour != null && COLOUR.matcher(brandColour).matches(), "brandColour must be #rrggbb (lower-case)");
        require(locale != null && LOCALE.matcher(locale).matches(), "locale must look like en, de or pt-BR");
        require(emailSubject != null && !emailSubject.isBlank() && emailSubject.length() <= 300, "emailSubject must be 1-300 characters");
        require(emailBodyText != null && !emailBodyText.isBlank(), "emailBodyText is required");
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    /** A new ACTIVE profile with the recommended defaults. */
    public static CheckProfile create(UUID businessId, String name, String successRedirectUrl, String emailSubject,
                                      String emailBodyText, Instant now) {
        return new CheckProfile(UUID.randomUUID(), businessId, name, LivenessType.ACTIVE, DEFAULT_MAX_ATTEMPTS,
                DEFAULT_CHALLENGE_COUNT, DEFAULT_LINK_LIFETIME_HOURS, DEFAULT_IMAGE_RETENTION_DAYS, DEFAULT_MAX_ABANDONED_ATTEMPTS,
                successRedirectUrl,
                null, "#1f6feb", "en", emailSubject, emailBodyText, null, false, now, now, null);
    }

    public CheckProfile withLimits(int newMaxAttempts, int newChallengeCount, int newLinkLifetimeHours,
                                   int newImageRetentionDays) {
        return new CheckProfile(id, businessId, name, livenessType, newMaxAttempts, newChallengeCount,
                newLinkLifetimeHours, newImageRetentionDays, maxAbandonedAttempts, successRedirectUrl, errorRedirectUrl, brandColour, locale,
                emailSubject, emailBodyText, emailBodyHtml, archived, createdAt, updatedAt, version);
    }

    public CheckProfile withMaxAbandonedAttempts(int newMaxAbandonedAttempts) {
        return new CheckProfile(id, businessId, name, livenessType, maxAttempts, challengeCount, linkLifetimeHours,
                imageRetentionDays, newMaxAbandonedAttempts, successRedirectUrl, errorRedirectUrl, brandColour, locale,
                emailSubject, emailBodyText, emailBodyHtml, archived, createdAt, updatedAt, version);
    }

    public CheckProfile withPresentation(String newName, String newSuccessRedirectUrl, String newErrorRedirectUrl,
                                         String newBrandColour, String newLocale) {
        return new CheckProfile(id, businessId, newName, livenessType, maxAttempts, challengeCount, linkLifetimeHours,
                imageRetentionDays, maxAbandonedAttempts, newSuccessRedirectUrl, newErrorRedirectUrl, newBrandColour, newLocale,
                emailSubject, emailBodyText, emailBodyHtml, archived, createdAt, updatedAt, version);
    }

    public CheckProfile withEmail(String newSubject, String newBodyText, String newBodyHtml) {
        return new CheckProfile(id, businessId, name, livenessType, maxAttempts, challengeCount, linkLifetimeHours,
                imageRetentionDays, maxAbandonedAttempts, successRedirectUrl, errorRedirectUrl, brandColour, locale, newSubject, newBodyText,
                newBodyHtml, archived, createdAt, updatedAt, version);
    }

    public CheckProfile withVersion(Long newVersion) {
        return new CheckProfile(id, businessId, name, livenessType, maxAttempts, challengeCount, linkLifetimeHours,
                imageRetentionDays, maxAbandonedAttempts, successRedirectUrl, errorRedirectUrl, brandColour, locale,
                emailSubject, emailBodyText, emailBodyHtml, archived, createdAt, updatedAt, newVersion);
    }
}
