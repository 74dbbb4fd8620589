package dev.livecheck.portal.profiles;

import dev.livecheck.persistence.profiles.CheckProfile;
import dev.livecheck.persistence.sessions.RecordRetention;
import dev.livecheck.persistence.profiles.LivenessType;
import dev.livecheck.portal.web.HttpUrl;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/** The profile form; its limits are the ones {@link CheckProfile} and the database enforce. */
class ProfileForm {
    static final String DEFAULT_SUBJECT = "Please confirm your identity";
    static final String DEFAULT_BODY = """
            Hello {name},

            please complete a short liveness check with your phone or computer camera:
            {link}

            The link works for a limited time.""";

    @NotBlank
    @Size(max = CheckProfile.MAX_NAME_LENGTH)
    private String name;
    @NotNull
    private LivenessType livenessType = LivenessType.ACTIVE;
    /** The profile's maximum attempts; the form field keeps its published name, like the API's max_retries. */
    @Min(CheckProfile.MIN_MAX_ATTEMPTS)
    @Max(CheckProfile.MAX_MAX_ATTEMPTS)
    private int maxRetries = CheckProfile.DEFAULT_MAX_ATTEMPTS;
    @Min(CheckProfile.MIN_CHALLENGE_COUNT)
    @Max(CheckProfile.MAX_CHALLENGE_COUNT)
    private int challengeCount = CheckProfile.DEFAULT_CHALLENGE_COUNT;
    @Min(CheckProfile.MIN_LINK_LIFETIME_HOURS)
    @Max(CheckProfile.MAX_LINK_LIFETIME_HOURS)
    private int linkLifetimeHours = CheckProfile.DEFAULT_LINK_LIFETIME_HOURS;
    @Min(CheckProfile.MIN_IMAGE_RETENTION_DAYS)
    @Max(CheckProfile.MAX_IMAGE_RETENTION_DAYS)
    private int imageRetentionDays = CheckProfile.DEFAULT_IMAGE_RETENTION_DAYS;
    /** Session records (not only images) are deleted this long after creation (lifecycle.SessionRecordRetentionJob). */
    @Min(RecordRetention.MIN_DAYS)
    @Max(RecordRetention.MAX_DAYS)
    private int recordRetentionDays = RecordRetention.DEFAULT_DAYS;
    @Min(CheckProfile.MIN_MAX_ABANDONED_ATTEMPTS)
    @Max(CheckProfile.MAX_MAX_ABANDONED_ATTEMPTS)
    private int maxAbandonedAttempts = CheckProfile.DEFAULT_MAX_ABANDONED_ATTEMPTS;
    @HttpUrl
    @Size(max = CheckProfile.MAX_REDIRECT_URL_LENGTH)
    private String successRedirectUrl;
    @HttpUrl
    @Size(max = CheckProfile.MAX_REDIRECT_URL_LENGTH)
    private String errorRedirectUrl;
    @NotBlank
    @Pattern(regexp = "#[0-9a-fA-F]{6}", message = "{profile.brandColour.pattern}")
    private String brandColour = CheckProfile.DEFAULT_BRAND_COLOUR;
    @NotBlank
    @Pattern(regexp = "en|de", message = "{profile.locale.pattern}")
    private String locale = CheckProfile.DEFAULT_LOCALE;
    @NotBlank
    @Size(max = CheckProfile.MAX_EMAIL_SUBJECT_LENGTH)
    private String emailSubject = DEFAULT_SUBJECT;
    @NotBlank
    @Size(max = 10000)
    private String emailBodyText = DEFAULT_BODY;
    private Long version;

    static ProfileForm of(CheckProfile p, int recordRetentionDays) {
        ProfileForm f = new ProfileForm();
        f.recordRetentionDays = recordRetentionDays;
        f.name = p.name();
        f.livenessType = p.livenessType();
        f.maxRetries = p.maxAttempts();
        f.challengeCount = p.challengeCount();
        f.linkLifetimeHours = p.linkLifetimeHours();
        f.imageRetentionDays = p.imageRetentionDays();
        f.maxAbandonedAttempts = p.maxAbandonedAttempts();
        f.successRedirectUrl = p.successRedirectUrl();
        f.errorRedirectUrl = p.errorRedirectUrl();
        f.brandColour = p.brandColour();
        f.locale = p.locale();
        f.emailSubject = p.emailSubject();
        f.emailBodyText = p.emailBodyText();
        f.version = p.version();
        return f;
    }

    /** A profile with this form's values; {@code base} gives id, business, archived flag and creation time. */
    CheckProfile applyTo(CheckProfile base, Instant now) {
        return copyTo(base.toBuilder()).emailBodyHtml(null).updatedAt(now).version(version).build();
    }

    /** A new profile (fresh id, not archived) with this form's values. */
    CheckProfile toNewProfile(UUID businessId, Instant now) {
        return copyTo(CheckProfile.newProfile(businessId, now)).build();
    }

    private CheckProfile.Builder copyTo(CheckProfile.Builder profile) {
        return profile.name(name.strip()).livenessType(livenessType).maxAttempts(maxRetries)
                .challengeCount(challengeCount).linkLifetimeHours(linkLifetimeHours)
                .imageRetentionDays(imageRetentionDays).maxAbandonedAttempts(maxAbandonedAttempts)
                .successRedirectUrl(blankToNull(successRedirectUrl)).errorRedirectUrl(blankToNull(errorRedirectUrl))
                .brandColour(brandColour.toLowerCase(Locale.ROOT)).locale(locale).emailSubject(emailSubject.strip())
                .emailBodyText(emailBodyText);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public LivenessType getLivenessType() {
        return livenessType;
    }

    public void setLivenessType(LivenessType livenessType) {
        this.livenessType = livenessType;
    }

    public int getMaxRetries() {
        return maxRetries;
    }

    public void setMaxRetries(int maxRetries) {
        this.maxRetries = maxRetries;
    }

    public int getChallengeCount() {
        return challengeCount;
    }

    public void setChallengeCount(int challengeCount) {
        this.challengeCount = challengeCount;
    }

    public int getLinkLifetimeHours() {
        return linkLifetimeHours;
    }

    public void setLinkLifetimeHours(int linkLifetimeHours) {
        this.linkLifetimeHours = linkLifetimeHours;
    }

    public int getRecordRetentionDays() {
        return recordRetentionDays;
    }

    public void setRecordRetentionDays(int recordRetentionDays) {
        this.recordRetentionDays = recordRetentionDays;
    }

    public int getImageRetentionDays() {
        return imageRetentionDays;
    }

    public void setImageRetentionDays(int imageRetentionDays) {
        this.imageRetentionDays = imageRetentionDays;
    }

    public int getMaxAbandonedAttempts() {
        return maxAbandonedAttempts;
    }

    public void setMaxAbandonedAttempts(int maxAbandonedAttempts) {
        this.maxAbandonedAttempts = maxAbandonedAttempts;
    }

    public String getSuccessRedirectUrl() {
        return successRedirectUrl;
    }

    public void setSuccessRedirectUrl(String successRedirectUrl) {
        this.successRedirectUrl = successRedirectUrl;
    }

    public String getErrorRedirectUrl() {
        return errorRedirectUrl;
    }

    public void setErrorRedirectUrl(String errorRedirectUrl) {
        this.errorRedirectUrl = errorRedirectUrl;
    }

    public String getBrandColour() {
        return brandColour;
    }

    public void setBrandColour(String brandColour) {
        this.brandColour = brandColour;
    }

    public String getLocale() {
        return locale;
    }

    public void setLocale(String locale) {
        this.locale = locale;
    }

    public String getEmailSubject() {
        return emailSubject;
    }

    public void setEmailSubject(String emailSubject) {
        this.emailSubject = emailSubject;
    }

    public String getEmailBodyText() {
        return emailBodyText;
    }

    public void setEmailBodyText(String emailBodyText) {
        this.emailBodyText = emailBodyText;
    }

    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }
}
