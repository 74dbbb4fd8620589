package dev.livecheck.portal.security;

import dev.livecheck.portal.security.PortalPrincipal.Step;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Runs on every signed-in request of the portal chain, before authorisation:
 * <ul>
 * <li>the absolute session lifetime ({@code livecheck.security.absolute-session-lifetime}, default 12 h): however
 * active, a sign-in ends that long after it began (the idle timeout, {@code spring.session.timeout}, is separate);</li>
 * <li>a sign-in that still owes a step (second factor, own password, second-factor setup) reaches only that step's
 * page and sign-out.</li>
 * </ul>
 */
final class SignInSteps extends OncePerRequestFilter {
    static final String SIGNED_IN_AT = SignInSteps.class.getName() + ".signedInAt";
    static final String SECOND_FACTOR_PAGE = "/login/second-factor";
    static final String PASSWORD_PAGE = "/account/password";
    static final String SECOND_FACTOR_SETUP_PAGE = "/account/second-factor";
    private static final List<String> ALWAYS = List.of("/logout", "/css/", "/js/", "/webjars/", "/images/",
            "/favicon.ico", "/error");

    private final Clock clock;
    private final Duration absoluteLifetime;

    SignInSteps(Clock clock, Duration absoluteLifetime) {
        this.clock = clock;
        this.absoluteLifetime = absoluteLifetime;
    }

    static String pageOf(Step step) {
        return switch (step) {
            case SECOND_FACTOR -> SECOND_FACTOR_PAGE;
            case PASSWORD_CHANGE -> PASSWORD_PAGE;
            case SECOND_FACTOR_SETUP -> SECOND_FACTOR_SETUP_PAGE;
            case NONE -> "/";
        };
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !(auth.getPrincipal() instanceof PortalPrincipal principal)) {
            chain.doFilter(request, response);
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (expired(request)) {
            request.getSession().invalidate();
            SecurityContextHolder.clearContext();
            response.sendRedirect(request.getContextPath() + "/login?expired");
            return;
        }
        if (principal.pending() != Step.NONE && ALWAYS.stream().noneMatch(path::startsWith)
                && !path.startsWith(pageOf(principal.pending()))) {
            response.sendRedirect(request.getContextPath() + pageOf(principal.pending()));
            return;
        }
        chain.doFilter(request, response);
    }

    /** A session from before this rule (no start recorded) gets its lifetime from now. */
    private boolean expired(HttpServletRequest request) {
        HttpSession session = request.getSession();
        if (!(session.getAttribute(SIGNED_IN_AT) instanceof Long signedInAt)) {
            session.setAttribute(SIGNED_IN_AT, clock.millis());
            return false;
        }
        return clock.millis() - signedInAt >= absoluteLifetime.toMillis();
    }
}
