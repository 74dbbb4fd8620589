package dev.livecheck.portal.setup;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What the setup page asks for. BCrypt reads at most 72 bytes, hence the upper password limit. */
class SetupForm {
    static final int MIN_PASSWORD_LENGTH = 12;

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
    @NotBlank
    @Size(min = MIN_PASSWORD_LENGTH, max = 72)
    private String password;
    private String passwordRepeat;

    boolean passwordsMatch() {
        return password != null && password.equals(passwordRepeat);
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

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getPasswordRepeat() {
        return passwordRepeat;
    }

    public void setPasswordRepeat(String passwordRepeat) {
        this.passwordRepeat = passwordRepeat;
    }
}
