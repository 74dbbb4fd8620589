package dev.livecheck.portal.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A new password typed twice, as every form that sets one asks for it (setup,
 * new user, password reset). BCrypt reads at most 72 bytes, hence the upper
 * limit; the lower one is the portal's policy.
 */
public class NewPasswordFields {

    public static final int MIN_PASSWORD_LENGTH = 12;
    public static final int MAX_PASSWORD_LENGTH = 72;

    @NotBlank
    @Size(min = MIN_PASSWORD_LENGTH, max = MAX_PASSWORD_LENGTH)
    private String password;
    private String passwordRepeat;

    public boolean passwordsMatch() {
        return password != null && password.equals(passwordRepeat);
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
