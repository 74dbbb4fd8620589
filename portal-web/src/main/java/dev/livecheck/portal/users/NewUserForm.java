package dev.livecheck.portal.users;

import dev.livecheck.persistence.support.EmailAddresses;
import dev.livecheck.persistence.users.PortalUser;
import dev.livecheck.persistence.users.Role;
import dev.livecheck.portal.web.EmailAddress;
import dev.livecheck.portal.web.NewPasswordFields;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A new portal user with an initial password the OWNER hands over; the limits are the setup page's. */
class NewUserForm extends NewPasswordFields {
    @NotBlank
    @EmailAddress
    @Size(max = EmailAddresses.MAX_LENGTH)
    private String email;
    @NotBlank
    @Size(max = PortalUser.MAX_DISPLAY_NAME_LENGTH)
    private String displayName;
    @NotNull
    private Role role = Role.REVIEWER;

    public String getEmail() {
        return email;
    }

    /** Stripped here so that an address pasted with a space around it passes {@code @EmailAddress}. */
    public void setEmail(String email) {
        this.email = email == null ? null : email.strip();
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public Role getRole() {
        return role;
    }

    public void setRole(Role role) {
        this.role = role;
    }
}
