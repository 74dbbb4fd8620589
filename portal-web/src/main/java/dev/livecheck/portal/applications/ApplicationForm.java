package dev.livecheck.portal.applications;

import dev.livecheck.persistence.applications.ApiApplication;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/**
 * The "New application" form. The name and origin limits are {@link ApiApplication}'s (and the database's); the
 * origins' and the uploaded key's rules need more than annotations ({@link AllowedOrigins}, {@link UploadedPublicKey}).
 */
class ApplicationForm {

    /** Generate the key pair here (the private key is shown once) or upload the public half of the caller's own. */
    enum KeyChoice {
        GENERATE,
        UPLOAD
    }

    @NotBlank
    @Size(max = ApiApplication.MAX_NAME_LENGTH)
    private String name;
    @NotNull
    private UUID profileId;
    /** Normalisation only shortens a line, so the stored list fits whenever the typed text does. */
    @Size(max = ApiApplication.MAX_ALLOWED_ORIGINS_LENGTH)
    private String allowedOrigins;
    @NotNull
    private KeyChoice keyChoice = KeyChoice.GENERATE;
    private String publicKeyPem;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public UUID getProfileId() {
        return profileId;
    }

    public void setProfileId(UUID profileId) {
        this.profileId = profileId;
    }

    public String getAllowedOrigins() {
        return allowedOrigins;
    }

    public void setAllowedOrigins(String allowedOrigins) {
        this.allowedOrigins = allowedOrigins;
    }

    public KeyChoice getKeyChoice() {
        return keyChoice;
    }

    public void setKeyChoice(KeyChoice keyChoice) {
        this.keyChoice = keyChoice;
    }

    public String getPublicKeyPem() {
        return publicKeyPem;
    }

    public void setPublicKeyPem(String publicKeyPem) {
        this.publicKeyPem = publicKeyPem;
    }
}
