package dev.livecheck.portal.setup;

import dev.livecheck.portal.web.NewPasswordFields;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What the setup page asks for: the setup code from the log, the business, its owner and the owner's password (typed twice). */
class SetupForm extends NewPasswordFields {

    /** The one-time {@link SetupCode}; its size bound only keeps a pasted novel out of the comparison. */
    @NotBlank
    @Size(max = 40)
    private String setupCode;

    @NotBlank
    @Size(max = 200)
    private String businessName;
    @NotBlank
    @Size(max = 200)
    private String ownerName;
    @NotBlank
    @Email
    @Size(max = 320)
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
