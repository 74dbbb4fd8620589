package dev.livecheck.portal.setup;

import dev.livecheck.portal.web.SessionApiPaths;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * While no business exists every page redirects to /setup. Runs before Spring Security (whose filter has order -100),
 * so a fresh install lands on the setup page instead of a login nobody can pass.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 100)
class SetupRedirectFilter extends OncePerRequestFilter {
    /**
     * Paths that work without a business: the setup page itself, assets, health and error pages, and the session API
     * (a program gets its JSON answer, e.g. 401 while no application exists, never a redirect to an HTML form).
     */
    private static final List<String> PASS_THROUGH = List.of("/setup", "/webjars/", "/css/", "/js/", "/images/",
            "/favicon.ico", "/actuator/", "/error", SessionApiPaths.BASE + "/");

    private final SetupState state;

    SetupRedirectFilter(SetupState state) {
        this.state = state;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return PASS_THROUGH.stream().anyMatch(path::startsWith);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (state.isComplete()) {
            chain.doFilter(request, response);
        } else {
            response.sendRedirect(request.getContextPath() + "/setup");
        }
    }
}
