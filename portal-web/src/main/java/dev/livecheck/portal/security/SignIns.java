package dev.livecheck.portal.security;

import dev.livecheck.persistence.business.Businesses;
import dev.livecheck.persistence.users.PortalUser;
import dev.livecheck.persistence.users.PortalUsers;
import dev.livecheck.portal.security.PortalPrincipal.Step;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Service;

/**
 * Moves a sign-in on once one of its steps is done (second factor entered, own password chosen, second factor set
 * up): the next step comes from the account as it is now stored; when none is left the user gets their role, the
 * sign-in is audited and the browser remembered. The session id changes with every step, so an id seen before the
 * step (fixation) is worth nothing after it.
 */
@Service
public class SignIns {
    private final PortalUsers users;
    private final Businesses businesses;
    private final LoginSuccessHandler success;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    SignIns(PortalUsers users, Businesses businesses, LoginSuccessHandler success) {
        this.users = users;
        this.businesses = businesses;
        this.success = success;
    }

    /** @return the principal now signed in (pending the next step, or none) */
    public PortalPrincipal stepDone(HttpServletRequest request, HttpServletResponse response, PortalPrincipal current) {
        PortalUser user = users.findByBusinessIdAndId(current.businessId(), current.userId()).orElseThrow();
        Step next = PasswordAuthenticationProvider.stepAfterSecondFactor(user, businesses);
        PortalPrincipal principal = PortalPrincipal.of(user, next);
        principal.eraseCredentials();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null,
                principal.getAuthorities()));
        SecurityContextHolder.setContext(context);
        request.changeSessionId();
        contexts.saveContext(context, request, response);
        if (next == Step.NONE) {
            success.completed(request, response, principal);
        }
        return principal;
    }

    /** Where the sign-in goes on from {@code principal}'s step: that step's page, or home. */
    public static String pageAfter(PortalPrincipal principal) {
        return SignInSteps.pageOf(principal.pending());
    }
}
