package dev.livecheck.portal.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.stereotype.Component;

/**
 * Sends a failed sign-in back to the form with its reason. A wrong password and an unknown e-mail get the same
 * {@code ?error}, so the page never tells whether an e-mail has an account; the wait of a throttled try and the
 * over-long password are told as they are (the same for every e-mail); "disabled" only follows a right password.
 */
@Component
class LoginFailureHandler extends SimpleUrlAuthenticationFailureHandler {

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                        AuthenticationException exception) throws IOException {
        String target = "/login?error";
        if (exception instanceof SignInRefusedException refused) {
            target = "/login?error=" + refused.reason()
                    + (refused.waitSeconds() > 0 ? "&wait=" + refused.waitSeconds() : "");
        } else if (exception instanceof DisabledException) {
            target = "/login?error=disabled";
        }
        getRedirectStrategy().sendRedirect(request, response, target);
    }
}
