package dev.livecheck.portal.api;

import dev.livecheck.persistence.applications.ApiApplication;
import dev.livecheck.persistence.applications.ApiApplications;
import dev.livecheck.persistence.applications.ApiNonces;
import dev.livecheck.portal.web.SessionApiPaths;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates every request under {@link #BASE_PATH} (but the end user's web entry) by its signature, as the IDV
 * SDKs send it: query parameters {@code sdkId}, {@code nonce}, {@code timestamp} (ms since the epoch) and the
 * {@code X-Yoti-Auth-Digest} header (see {@link ApiSignature}). The checks run cheapest first and the nonce is
 * claimed last, so an unsigned request cannot burn another caller's nonces. Then each application gets its share of
 * the rate limit. Registered by {@link ApiConfiguration}.
 */
class ApiAuthenticationFilter extends OncePerRequestFilter {

    static final String BASE_PATH = SessionApiPaths.BASE;
    /** The end user's entry to the capture page: authenticated by its session token, not by a signature. */
    static final String WEB_ENTRY_PATH = BASE_PATH + "/web/";

    private static final Logger log = LoggerFactory.getLogger(ApiAuthenticationFilter.class);
    private static final Pattern NONCE = Pattern.compile("[A-Za-z0-9-]{8,64}");
    private static final ApiError UNAUTHORIZED = ApiError.of(ApiErrors.UNAUTHORIZED,
            "The request could not be authenticated: check the SDK ID, the key, the clock and the nonce.");
    private static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

    private final ApiApplications applications;
    private final ApiNonces nonces;
    private final ApiRateLimiter rateLimiter;
    private final ApiProperties properties;
    private final Clock clock;

    ApiAuthenticationFilter(ApiApplications applications, ApiNonces nonces, ApiRateLimiter rateLimiter,
                            ApiProperties properties, Clock clock) {
        this.applications = applications;
        this.nonces = nonces;
        this.rateLimiter = rateLimiter;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !isSignedApiPath(request);
    }

    /** Under {@link #BASE_PATH} but not the web entry: the requests that must carry a signature. */
    static boolean isSignedApiPath(HttpServletRequest request) {
        String path = relativePath(request);
        return path != null && !(BASE_PATH + path).startsWith(WEB_ENTRY_PATH);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<CachedBodyRequest> cached = CachedBodyRequest.read(request, properties.maxBodyBytes());
        if (cached.isEmpty()) {
            ApiResponses.error(response, 413, ApiError.of(ApiErrors.PAYLOAD_TOO_LARGE,
                    "The request body is larger than " + properties.maxBodyBytes() + " bytes."));
            return;
        }
        CachedBodyRequest signed = cached.get();
        Instant now = clock.instant();
        Authentication result = authenticate(signed, now);
        if (result.failure() != null) {
            log.warn("API request refused (401 {}): {} {} sdkId={} from {}", result.failure(), request.getMethod(),
                    relativePath(request), safe(request.getParameter("sdkId")), request.getRemoteAddr());
            ApiResponses.error(response, 401, UNAUTHORIZED);
            return;
        }
        ApiApplication application = result.application();
        OptionalLong wait = rateLimiter.take(application.id());
        if (wait.isPresent()) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(wait.getAsLong()));
            ApiResponses.error(response, 429, ApiError.of(ApiErrors.TOO_MANY_REQUESTS, "Rate limit of "
                    + properties.requestsPerMinute() + " requests per minute exceeded; retry after "
                    + wait.getAsLong() + " s."));
            return;
        }
        applications.markUsed(application.businessId(), application.id(), now, now.minus(LAST_USED_RESOLUTION));
        signed.setAttribute(ApiCaller.ATTRIBUTE, ApiCaller.of(application));
        chain.doFilter(signed, response);
    }

    private record Authentication(ApiApplication application, ApiAuthFailure failure) {
        static Authentication refused(ApiAuthFailure failure) {
            return new Authentication(null, failure);
        }
    }

    private Authentication authenticate(CachedBodyRequest request, Instant now) {
        Optional<UUID> sdkId = uuid(request.getParameter("sdkId"));
        String nonce = request.getParameter("nonce");
        OptionalLong timestamp = millis(request.getParameter("timestamp"));
        if (sdkId.isEmpty() || nonce == null || !NONCE.matcher(nonce).matches() || timestamp.isEmpty()) {
            return Authentication.refused(ApiAuthFailure.MISSING_PARAMETERS);
        }
        Optional<ApiApplication> found = applications.findBySdkId(sdkId.get());
        if (found.isEmpty()) {
            return Authentication.refused(ApiAuthFailure.UNKNOWN_SDK_ID);
        }
        ApiApplication application = found.get();
        if (!application.active()) {
            return Authentication.refused(ApiAuthFailure.REVOKED);
        }
        String digest = request.getHeader(ApiSignature.HEADER);
        if (digest == null || digest.isBlank()) {
            return Authentication.refused(ApiAuthFailure.MISSING_SIGNATURE);
        }
        String message = ApiSignature.message(request.getMethod(), relativePath(request), request.getQueryString(),
                request.body());
        if (!ApiSignature.verify(ApiSignature.publicKey(application.publicKey()), message, digest)) {
            return Authentication.refused(ApiAuthFailure.BAD_SIGNATURE);
        }
        long skew = timestamp.getAsLong() - now.toEpochMilli();
        if (skew < -properties.timestampWindow().toMillis()) {
            return Authentication.refused(ApiAuthFailure.STALE_TIMESTAMP);
        }
        if (skew > properties.timestampWindow().toMillis()) {
            return Authentication.refused(ApiAuthFailure.FUTURE_TIMESTAMP);
        }
        if (!nonces.claim(application.businessId(), application.id(), nonce, now)) {
            return Authentication.refused(ApiAuthFailure.REPLAYED_NONCE);
        }
        return new Authentication(application, null);
    }

    /** The path below {@link #BASE_PATH} as sent (not decoded), which is what the SDKs sign; null outside it. */
    static String relativePath(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith(BASE_PATH + "/") ? path.substring(BASE_PATH.length()) : null;
    }

    private static Optional<UUID> uuid(String value) {
        try {
            return value == null ? Optional.empty() : Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static OptionalLong millis(String value) {
        if (value == null || !value.matches("\\d{1,16}")) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Long.parseLong(value));
    }

    /** A parameter for the log: never more than a UUID's length, no control characters (log forging). */
    private static String safe(String value) {
        if (value == null) {
            return "-";
        }
        String cut = value.length() > 36 ? value.substring(0, 36) + "…" : value;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }
}
