package dev.livecheck.portal.security;

import dev.livecheck.portal.security.PortalPrincipal.Step;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.stereotype.Component;

/**
 * After a right password: starts the absolute session lifetime, then either the step the sign-in still owes
 * ({@link SignInSteps}) or, when none, audits the sign-in, remembers the browser and continues to the page that asked.
 */
@Component
class LoginSuccessHandler extends SavedRequestAwareAuthenticationSuccessHandler {
    private final LoginAttempts attempts;
    private final TrustedBrowsers browsers;
    private final Clock clock;

    LoginSuccessHandler(LoginAttempts attempts, TrustedBrowsers browsers, Clock clock) {
        this.attempts = attempts;
        this.browsers = browsers;
        this.clock = clock;
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                                        Authentication authentication) throws ServletException, IOException {
        request.getSession().setAttribute(SignInSteps.SIGNED_IN_AT, clock.millis());
        if (authentication.getPrincipal() instanceof PortalPrincipal principal) {
            if (principal.pending() != Step.NONE) {
                // audited and trusted once the last step is done (SignIns.stepDone)
                getRedirectStrategy().sendRedirect(request, response, SignInSteps.pageOf(principal.pending()));
                return;
            }
            completed(request, response, principal);
        }
        super.onAuthenticationSuccess(request, response, authentication);
    }

    /** Password and (if any) second factor are done: audit it and trust this browser from now on. */
    void completed(HttpServletRequest request, HttpServletResponse response, PortalPrincipal principal) {
        attempts.succeeded(principal);
        browsers.remember(request, response, principal.businessId(), principal.userId());
    }
}
