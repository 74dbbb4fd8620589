package dev.livecheck.portal.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The prometheus endpoint for a scraper, while a {@link MetricsScrapeToken} is in force (on any other path, or without
 * one in force, it does nothing: a bearer header elsewhere is as if no credential were sent):
 * <ul>
 *   <li>{@code Authorization: Bearer <the token>}: authenticated for this request only (role {@link #SCRAPER_ROLE},
 *   which no rule names: the endpoint admits any authenticated caller, and only here is this one ever set). The
 *   context is never saved, so no session and no cookie; a GET needs no CSRF token.</li>
 *   <li>another bearer token: 401 with {@code WWW-Authenticate: Bearer} and no body, counted by
 *   {@link MetricsScrapeFailures}; while the address waits, 429 with {@code Retry-After}, unchecked.</li>
 *   <li>no bearer header: a signed-in portal user goes on to the role check; anyone else gets the same 401 rather
 *   than the sign-in redirect a browser gets elsewhere (a scraper cannot follow it, and a login page answered with
 *   200 would read as a healthy target).</li>
 * </ul>
 */
final class MetricsScrapeTokenFilter extends OncePerRequestFilter {
    /** Who the caller is on this request, for the record: no rule names the role. */
    static final String SCRAPER_ROLE = "METRICS_SCRAPER";
    private static final String BEARER = "Bearer ";

    private final MetricsScrapeToken token;
    private final MetricsScrapeFailures failures;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();
    private final AuthenticationTrustResolver trust = new AuthenticationTrustResolverImpl();

    MetricsScrapeTokenFilter(MetricsScrapeToken token, MetricsScrapeFailures failures) {
        this.token = token;
        this.failures = failures;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !token.inForce() || !token.endpoint().matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> presented = bearerToken(request);
        if (presented.isEmpty()) {
            Authentication current = contexts.getContext().getAuthentication();
            if (current == null || trust.isAnonymous(current)) {
                unauthorized(response);
            } else {
                chain.doFilter(request, response);
            }
            return;
        }
        String address = request.getRemoteAddr();
        Optional<Duration> wait = failures.waitBefore(address);
        if (wait.isPresent()) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, wait.get().toSeconds())));
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            return;
        }
        if (!token.matches(presented.get())) {
            failures.failed(address);
            unauthorized(response);
            return;
        }
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(new PreAuthenticatedAuthenticationToken("metrics-scraper", null,
                List.of(new SimpleGrantedAuthority("ROLE_" + SCRAPER_ROLE))));
        contexts.setContext(context);
        chain.doFilter(request, response);
    }

    private static Optional<String> bearerToken(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.empty();
        }
        return Optional.of(header.substring(BEARER.length()).strip());
    }

    private static void unauthorized(HttpServletResponse response) {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        response.setStatus(HttpStatus.UNAUTHORIZED.value());
    }
}
