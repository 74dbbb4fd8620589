package dev.livecheck.portal.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.stereotype.Component;

/**
 * Counts a wrong password towards the lockout. Every failure (unknown e-mail, wrong password, locked account) leads to
 * the same login message, so the page never tells whether an e-mail has an account.
 */
@Component
class LoginFailureHandler extends SimpleUrlAuthenticationFailureHandler {
    private final LoginAttempts attempts;

    LoginFailureHandler(LoginAttempts attempts) {
        super("/login?error");
        this.attempts = attempts;
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                        AuthenticationException exception) throws IOException, ServletException {
        if (exception instanceof BadCredentialsException) {
            attempts.failed(request.getParameter("email"));
        }
        super.onAuthenticationFailure(request, response, exception);
    }
}
