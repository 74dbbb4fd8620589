package dev.livecheck.portal.web;

/**
 * A new password typed twice, as every form that sets one asks for it (setup, new user, password reset, the user's
 * own change). What it must be is {@link PasswordPolicy}'s.
 */
public class NewPasswordFields {

    @AcceptablePassword
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
