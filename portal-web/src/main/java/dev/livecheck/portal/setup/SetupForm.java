package dev.livecheck.portal.setup;

import dev.livecheck.persistence.business.Business;
import dev.livecheck.persistence.support.EmailAddresses;
import dev.livecheck.persistence.users.PortalUser;
import dev.livecheck.portal.web.EmailAddress;
import dev.livecheck.portal.web.NewPasswordFields;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What the setup page asks for: the setup code from the log, the business, its owner and the owner's password (typed twice). */
class SetupForm extends NewPasswordFields {

    /** The one-time {@link SetupCode}; its size bound only keeps a pasted novel out of the comparison. */
    @NotBlank
    @Size(max = 40)
    private String setupCode;

    @NotBlank
    @Size(max = Business.MAX_NAME_LENGTH)
    private String businessName;
    @NotBlank
    @Size(max = PortalUser.MAX_DISPLAY_NAME_LENGTH)
    private String ownerName;
    @NotBlank
    @EmailAddress
    @Size(max = EmailAddresses.MAX_LENGTH)
    private String email;

    public String getSetupCode() {
        return setupCode;
    }

    public void setSetupCode(String setupCode) {
        this.setupCode = setupCode;
    }

    public String getBusinessName() {
        return businessName;
    }

    public void setBusinessName(String businessName) {
        this.businessName = businessName;
    }

    public String getOwnerName() {
        return ownerName;
    }

    public void setOwnerName(String ownerName) {
        this.ownerName = ownerName;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }
}
