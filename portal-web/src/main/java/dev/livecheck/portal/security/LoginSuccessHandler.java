package dev.livecheck.portal.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.stereotype.Component;

/** Resets the failure count, audits the sign-in and continues to the page that asked for it. */
@Component
class LoginSuccessHandler extends SavedRequestAwareAuthenticationSuccessHandler {
    private final LoginAttempts attempts;

    LoginSuccessHandler(LoginAttempts attempts) {
        this.attempts = attempts;
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                                        Authentication authentication) throws ServletException, IOException {
        if (authentication.getPrincipal() instanceof PortalPrincipal principal) {
            attempts.succeeded(principal);
        }
        super.onAuthenticationSuccess(request, response, authentication);
    }
}
