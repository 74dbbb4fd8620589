package dev.livecheck.portal.account;

import dev.livecheck.portal.web.NewPasswordFields;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The current password (proof that it is the user at the keyboard) and the new one, twice. */
class OwnPasswordForm extends NewPasswordFields {
    /** Bounded like any field; a longer value cannot be a password the portal accepted. */
    @NotBlank
    @Size(max = 1000)
    private String currentPassword;

    public String getCurrentPassword() {
        return currentPassword;
    }

    public void setCurrentPassword(String currentPassword) {
        this.currentPassword = currentPassword;
    }
}
