package dev.livecheck.portal.sessions;

import dev.livecheck.persistence.sessions.VerificationSession;
import dev.livecheck.persistence.support.EmailAddresses;
import dev.livecheck.portal.web.EmailAddress;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/** A new session: who gets the link and which profile applies. */
class SessionForm {
    @NotBlank
    @Size(max = VerificationSession.MAX_RECIPIENT_NAME_LENGTH)
    private String recipientName;
    @NotBlank
    @EmailAddress
    @Size(max = EmailAddresses.MAX_LENGTH)
    private String recipientEmail;
    @Size(max = VerificationSession.MAX_TRACKING_ID_LENGTH)
    private String trackingId;
    @NotNull
    private UUID profileId;

    String trackingIdOrNull() {
        return trackingId == null || trackingId.isBlank() ? null : trackingId.strip();
    }

    public String getRecipientName() {
        return recipientName;
    }

    public void setRecipientName(String recipientName) {
        this.recipientName = recipientName;
    }

    public String getRecipientEmail() {
        return recipientEmail;
    }

    public void setRecipientEmail(String recipientEmail) {
        this.recipientEmail = recipientEmail;
    }

    public String getTrackingId() {
        return trackingId;
    }

    public void setTrackingId(String trackingId) {
        this.trackingId = trackingId;
    }

    public UUID getProfileId() {
        return profileId;
    }

    public void setProfileId(UUID profileId) {
        this.profileId = profileId;
    }
}
