package dev.livecheck.persistence.profiles;

import dev.livecheck.persistence.support.StoredAs;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A business's liveness-check configuration. Every limit and default below is the one home of that rule: the profile
 * form's annotations, the session API's validation and the database's CHECK constraints and column DEFAULTs agree
 * with it ({@code CheckProfileLimitsTest} compares the constants with the database). Build changed copies with
 * {@link #toBuilder()}; the canonical constructor is for the repository's row mapping.
 */
@Table
public record CheckProfile(@Id UUID id, UUID businessId, String name, LivenessType livenessType,
                           @StoredAs("max_retries") int maxAttempts, int challengeCount, int linkLifetimeHours,
                           int imageRetentionDays, int maxAbandonedAttempts, @Nullable String successRedirectUrl,
                           @Nullable String errorRedirectUrl, String brandColour, String locale, String emailSubject,
                           String emailBodyText, @Nullable String emailBodyHtml, boolean archived, Instant createdAt,
                           Instant updatedAt, @Version @Nullable Long version) {

    /** {@code check_profile.name VARCHAR(200)}. */
    public static final int MAX_NAME_LENGTH = 200;
    /** Maximum attempts per session: the profile form, the API's {@code max_retries} and the CHECK constraint. */
    public static final int MIN_MAX_ATTEMPTS = 1;
    public static final int MAX_MAX_ATTEMPTS = 10;
    public static final int DEFAULT_MAX_ATTEMPTS = 3;
    public static final int MIN_CHALLENGE_COUNT = 2;
    public static final int MAX_CHALLENGE_COUNT = 3;
    public static final int DEFAULT_CHALLENGE_COUNT = 2;
    /** How long a capture link works: the profile form, the API's token lifetime and the CHECK constraint. */
    public static final int MIN_LINK_LIFETIME_HOURS = 1;
    public static final int MAX_LINK_LIFETIME_HOURS = 720;
    public static final int DEFAULT_LINK_LIFETIME_HOURS = 72;
    /** Image retention: the profile form, the API's {@code resources_ttl} and the CHECK constraint. */
    public static final int MIN_IMAGE_RETENTION_DAYS = 1;
    public static final int MAX_IMAGE_RETENTION_DAYS = 3650;
    public static final int DEFAULT_IMAGE_RETENTION_DAYS = 30;
    /**
     * Attempts abandoned after a challenge was issued (cancel, socket closed) that a session tolerates before it
     * closes as REJECT: the profile form, the API's {@code max_abandoned_attempts} and the CHECK constraints (V5).
     */
    public static final int MIN_MAX_ABANDONED_ATTEMPTS = 1;
    public static final int MAX_MAX_ABANDONED_ATTEMPTS = 20;
    public static final int DEFAULT_MAX_ABANDONED_ATTEMPTS = 5;
    /** {@code success_redirect_url} and {@code error_redirect_url VARCHAR(2000)}. */
    public static final int MAX_REDIRECT_URL_LENGTH = 2000;
    /** A brand colour as stored: "#rrggbb", lower-case. */
    public static final Pattern COLOUR = Pattern.compile("#[0-9a-f]{6}");
    public static final String DEFAULT_BRAND_COLOUR = "#1f6feb";
    /** A locale tag as stored, e.g. en, de or pt-BR. */
    public static final Pattern LOCALE = Pattern.compile("[a-z]{2,3}([-_][A-Za-z0-9]{2,8})?");
    public static final String DEFAULT_LOCALE = "en";
    /** {@code email_subject VARCHAR(300)}. */
    public static final int MAX_EMAIL_SUBJECT_LENGTH = 300;

    public CheckProfile {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(businessId, "businessId");
        Objects.requireNonNull(livenessType, "livenessType");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        require(name != null && !name.isBlank() && name.length() <= MAX_NAME_LENGTH,
                "name must be 1-" + MAX_NAME_LENGTH + " characters");
        requireRange("maxAttempts", maxAttempts, MIN_MAX_ATTEMPTS, MAX_MAX_ATTEMPTS);
        requireRange("challengeCount", challengeCount, MIN_CHALLENGE_COUNT, MAX_CHALLENGE_COUNT);
        requireRange("linkLifetimeHours", linkLifetimeHours, MIN_LINK_LIFETIME_HOURS, MAX_LINK_LIFETIME_HOURS);
        requireRange("imageRetentionDays", imageRetentionDays, MIN_IMAGE_RETENTION_DAYS, MAX_IMAGE_RETENTION_DAYS);
        requireRange("maxAbandonedAttempts", maxAbandonedAttempts, MIN_MAX_ABANDONED_ATTEMPTS,
                MAX_MAX_ABANDONED_ATTEMPTS);
        require(successRedirectUrl == null || successRedirectUrl.length() <= MAX_REDIRECT_URL_LENGTH,
                "successRedirectUrl must be at most " + MAX_REDIRECT_URL_LENGTH + " characters");
        require(errorRedirectUrl == null || errorRedirectUrl.length() <= MAX_REDIRECT_URL_LENGTH,
                "errorRedirectUrl must be at most " + MAX_REDIRECT_URL_LENGTH + " characters");
        require(brandColour != null && COLOUR.matcher(brandColour).matches(), "brandColour must be #rrggbb (lower-case)");
        require(locale != null && LOCALE.matcher(locale).matches(), "locale must look like en, de or pt-BR");
        require(emailSubject != null && !emailSubject.isBlank() && emailSubject.length() <= MAX_EMAIL_SUBJECT_LENGTH,
                "emailSubject must be 1-" + MAX_EMAIL_SUBJECT_LENGTH + " characters");
        require(emailBodyText != null && !emailBodyText.isBlank(), "emailBodyText is required");
    }

    private static void requireRange(String what, int value, int min, int max) {
        require(value >= min && value <= max, what + " must be " + min + "-" + max);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    /** A new ACTIVE profile with the recommended defaults. */
    public static CheckProfile create(UUID businessId, String name, @Nullable String successRedirectUrl,
                                      String emailSubject,
                                      String emailBodyText, Instant now) {
        return newProfile(businessId, now).name(name).successRedirectUrl(successRedirectUrl).emailSubject(emailSubject)
                .emailBodyText(emailBodyText).build();
    }

    /**
     * A builder of a new ACTIVE profile (fresh id, not yet stored) with every default above; name, e-mail subject and
     * text have no default and must be set.
     */
    public static Builder newProfile(UUID businessId, Instant now) {
        return new Builder(UUID.randomUUID(), businessId, now);
    }

    /** A builder that starts from this profile's values; {@link Builder#build()} validates the result. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    public CheckProfile withLimits(int newMaxAttempts, int newChallengeCount, int newLinkLifetimeHours,
                                   int newImageRetentionDays) {
        return toBuilder().maxAttempts(newMaxAttempts).challengeCount(newChallengeCount)
                .linkLifetimeHours(newLinkLifetimeHours).imageRetentionDays(newImageRetentionDays).build();
    }

    public CheckProfile withMaxAbandonedAttempts(int newMaxAbandonedAttempts) {
        return toBuilder().maxAbandonedAttempts(newMaxAbandonedAttempts).build();
    }

    public CheckProfile withPresentation(String newName, @Nullable String newSuccessRedirectUrl,
                                         @Nullable String newErrorRedirectUrl,
                                         String newBrandColour, String newLocale) {
        return toBuilder().name(newName).successRedirectUrl(newSuccessRedirectUrl).errorRedirectUrl(newErrorRedirectUrl)
                .brandColour(newBrandColour).locale(newLocale).build();
    }

    public CheckProfile withEmail(String newSubject, String newBodyText, @Nullable String newBodyHtml) {
        return toBuilder().emailSubject(newSubject).emailBodyText(newBodyText).emailBodyHtml(newBodyHtml).build();
    }

    /** Changed copies of a profile without spelling out its twenty components; nothing is checked before build(). */
    public static final class Builder {
        private final UUID id;
        private UUID businessId;
        private @Nullable String name;
        private LivenessType livenessType;
        private int maxAttempts;
        private int challengeCount;
        private int linkLifetimeHours;
        private int imageRetentionDays;
        private int maxAbandonedAttempts;
        private @Nullable String successRedirectUrl;
        private @Nullable String errorRedirectUrl;
        private String brandColour;
        private String locale;
        private @Nullable String emailSubject;
        private @Nullable String emailBodyText;
        private @Nullable String emailBodyHtml;
        private boolean archived;
        private final Instant createdAt;
        private Instant updatedAt;
        private @Nullable Long version;

        private Builder(UUID id, UUID businessId, Instant now) {
            this.id = id;
            this.businessId = businessId;
            livenessType = LivenessType.ACTIVE;
            maxAttempts = DEFAULT_MAX_ATTEMPTS;
            challengeCount = DEFAULT_CHALLENGE_COUNT;
            linkLifetimeHours = DEFAULT_LINK_LIFETIME_HOURS;
            imageRetentionDays = DEFAULT_IMAGE_RETENTION_DAYS;
            maxAbandonedAttempts = DEFAULT_MAX_ABANDONED_ATTEMPTS;
            brandColour = DEFAULT_BRAND_COLOUR;
            locale = DEFAULT_LOCALE;
            createdAt = now;
            updatedAt = now;
        }

        private Builder(CheckProfile p) {
            id = p.id;
            businessId = p.businessId;
            name = p.name;
            livenessType = p.livenessType;
            maxAttempts = p.maxAttempts;
            challengeCount = p.challengeCount;
            linkLifetimeHours = p.linkLifetimeHours;
            imageRetentionDays = p.imageRetentionDays;
            maxAbandonedAttempts = p.maxAbandonedAttempts;
            successRedirectUrl = p.successRedirectUrl;
            errorRedirectUrl = p.errorRedirectUrl;
            brandColour = p.brandColour;
            locale = p.locale;
            emailSubject = p.emailSubject;
            emailBodyText = p.emailBodyText;
            emailBodyHtml = p.emailBodyHtml;
            archived = p.archived;
            createdAt = p.createdAt;
            updatedAt = p.updatedAt;
            version = p.version;
        }

        public Builder businessId(UUID value) {
            businessId = value;
            return this;
        }

        public Builder name(String value) {
            name = value;
            return this;
        }

        public Builder livenessType(LivenessType value) {
            livenessType = value;
            return this;
        }

        public Builder maxAttempts(int value) {
            maxAttempts = value;
            return this;
        }

        public Builder challengeCount(int value) {
            challengeCount = value;
            return this;
        }

        public Builder linkLifetimeHours(int value) {
            linkLifetimeHours = value;
            return this;
        }

        public Builder imageRetentionDays(int value) {
            imageRetentionDays = value;
            return this;
        }

        public Builder maxAbandonedAttempts(int value) {
            maxAbandonedAttempts = value;
            return this;
        }

        public Builder successRedirectUrl(@Nullable String value) {
            successRedirectUrl = value;
            return this;
        }

        public Builder errorRedirectUrl(@Nullable String value) {
            errorRedirectUrl = value;
            return this;
        }

        public Builder brandColour(String value) {
            brandColour = value;
            return this;
        }

        public Builder locale(String value) {
            locale = value;
            return this;
        }

        public Builder emailSubject(String value) {
            emailSubject = value;
            return this;
        }

        public Builder emailBodyText(String value) {
            emailBodyText = value;
            return this;
        }

        public Builder emailBodyHtml(@Nullable String value) {
            emailBodyHtml = value;
            return this;
        }

        public Builder archived(boolean value) {
            archived = value;
            return this;
        }

        public Builder updatedAt(Instant value) {
            updatedAt = value;
            return this;
        }

        public Builder version(@Nullable Long value) {
            version = value;
            return this;
        }

        /** The profile; throws IllegalArgumentException as the constructor does when a value breaks a rule. */
        public CheckProfile build() {
            return new CheckProfile(id, businessId, name, livenessType, maxAttempts, challengeCount, linkLifetimeHours,
                    imageRetentionDays, maxAbandonedAttempts, successRedirectUrl, errorRedirectUrl, brandColour, locale,
                    emailSubject, emailBodyText, emailBodyHtml, archived, createdAt, updatedAt, version);
        }
    }
}
