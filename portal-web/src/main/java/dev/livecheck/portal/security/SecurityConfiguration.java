package dev.livecheck.portal.security;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;

/**
 * Who may reach what. Roles nest: OWNER includes ADMIN, ADMIN includes REVIEWER. Every admin URL is listed with its
 * role here, in one place; whatever is not listed needs at least a signed-in user.
 * The metrics endpoint, where exposed, is such a page (the dashboard shows every role the same kind of aggregates);
 * a scraper reaches it with the installation's token instead ({@link MetricsScrapeTokenFilter}).
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    /**
     * Strict CSP: no inline script or style anywhere. {@code img-src blob:/data:} and {@code media-src blob:} serve the
     * capture page's camera preview and snapshots; {@code connect-src 'self'} covers its same-origin WebSocket.
     */
    static final String CONTENT_SECURITY_POLICY = contentSecurityPolicy(List.of());

    /**
     * The strict CSP with {@code frame-ancestors} naming {@code frameAncestors} ({@code 'none'} when empty): only the
     * embeddable capture page names any (see {@link FrameAncestors}).
     */
    static String contentSecurityPolicy(List<String> frameAncestors) {
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
                + "connect-src 'self'; media-src 'self' blob:; frame-ancestors "
                + (frameAncestors.isEmpty() ? "'none'" : String.join(" ", frameAncestors))
                + "; form-action 'self'; base-uri 'self'";
    }

    /** The session API and its end-user web entry: see {@link #apiSecurity}. */
    static final String API_PATHS = "/idverify/**";

    /** Reachable without signing in: the capture flow (its token is the credential), assets and the health probe. */
    private static final String[] PUBLIC_PATHS = {"/c/**", "/ws/**", "/webjars/**", "/css/**", "/js/**",
            "/images/**", "/favicon.ico", "/actuator/health", "/actuator/health/**", "/setup", "/login", "/error"};

    /**
     * The session API ({@code /idverify/v1/**}): authenticated by request signatures in the api module's filter, so
     * Spring Security only keeps it stateless: no session, no cookies, no CSRF (no browser sends these requests
     * with ambient credentials), no saved requests. The security headers stay, but CSP and X-Frame-Options come
     * from {@link FramingHeaders}: the embeddable capture page under {@code /idverify/v1/web/} may be framed by its
     * API application's origins, which then get the camera too ({@code camera=(self)} names the framed document's
     * own origin, and the parent grants it with {@code <iframe allow="camera">}).
     */
    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http) throws Exception {
        http.securityMatcher(API_PATHS)
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .securityContext(context -> context.disable())
                .anonymous(anonymous -> anonymous.disable())
                .headers(headers -> headers
                        .frameOptions(frameOptions -> frameOptions.disable())
                        .addHeaderWriter(new FramingHeaders())
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                        .addHeaderWriter(new StaticHeadersWriter("Permissions-Policy", "camera=(self)")));
        return http.build();
    }

    /** The session API's OpenAPI document and Swagger UI (livecheck.api.docs.enabled), see {@link #apiDocsSecurity}. */
    static final String[] API_DOCS_PATHS = {"/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**"};

    /**
     * The strict policy with one relaxation: Swagger UI's bundle injects inline styles. Scripts stay {@code 'self'}
     * (an inline style cannot run code), and only the documentation's own paths get it.
     */
    static final String API_DOCS_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.replace("style-src 'self'",
            "style-src 'self' 'unsafe-inline'");

    /**
     * The session API's documentation: public like any API reference (it describes endpoints, never data), stateless,
     * read-only (springdoc serves only GETs), with {@link #API_DOCS_CONTENT_SECURITY_POLICY}.
     */
    @Bean
    @Order(2)
    SecurityFilterChain apiDocsSecurity(HttpSecurity http) throws Exception {
        http.securityMatcher(API_DOCS_PATHS)
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .securityContext(context -> context.disable())
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(API_DOCS_CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain portalSecurity(HttpSecurity http, LoginFailureHandler failureHandler,
                                       LoginSuccessHandler successHandler,
                                       MetricsScrapeToken scrapeToken, MetricsScrapeFailures scrapeFailures,
                                       Clock clock,
                                       @Value("${livecheck.security.absolute-session-lifetime}")
                                       Duration absoluteSessionLifetime) throws Exception {
        // PasswordAuthenticationProvider, the only AuthenticationProvider bean, is the global manager's provider: naming
        // it here too would run it twice for a failure (this chain's manager, then its parent), counting it twice.
        // A scraper's bearer token at the prometheus endpoint (and nowhere else), before any sign-in step applies.
        http.addFilterBefore(new MetricsScrapeTokenFilter(scrapeToken, scrapeFailures), AuthorizationFilter.class)
                .addFilterBefore(new SignInSteps(clock, absoluteSessionLifetime), AuthorizationFilter.class)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(PUBLIC_PATHS).permitAll()
                        .requestMatchers("/users/**").hasRole("OWNER")
                        .requestMatchers("/profiles/**", "/applications/**", "/outbox/**", "/deliveries/**", "/audit/**")
                        .hasRole("ADMIN")
                        .requestMatchers(HttpMethod.GET, "/sessions/**").hasRole("REVIEWER")
                        // Reviewers record the business's final decision; every other change to a session is ADMIN's.
                        .requestMatchers(HttpMethod.POST, "/sessions/*/decision").hasRole("REVIEWER")
                        .requestMatchers("/sessions/**").hasRole("ADMIN")
                        .anyRequest().authenticated())
                // The capture WebSocket handshake is authorised by the capture token, not by a portal session.
                .csrf(csrf -> csrf.ignoringRequestMatchers("/ws/**"))
                .formLogin(form -> form.loginPage("/login").usernameParameter("email").passwordParameter("password")
                        .authenticationDetailsSource(SignInDetails.SOURCE)
                        .failureHandler(failureHandler).successHandler(successHandler).permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout").permitAll())
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                        .addHeaderWriter(new StaticHeadersWriter("Permissions-Policy", "camera=(self)")));
        return http.build();
    }

    /** OWNER > ADMIN > REVIEWER, so a rule naming ADMIN also admits OWNER. */
    @Bean
    static RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.fromHierarchy("ROLE_OWNER > ROLE_ADMIN\nROLE_ADMIN > ROLE_REVIEWER");
    }

    /** Delegating encoder: stores "{bcrypt}..." today and can still verify other ids after a future switch. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
