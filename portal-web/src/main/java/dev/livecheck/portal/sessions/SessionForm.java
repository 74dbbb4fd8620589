package dev.livecheck.portal.sessions;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/** A new session: who gets the link and which profile applies. */
class SessionForm {
    @NotBlank
    @Size(max = 200)
    private String recipientName;
    @NotBlank
    @Email
    @Size(max = 320)
    private String recipientEmail;
    @Size(max = 200)
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
