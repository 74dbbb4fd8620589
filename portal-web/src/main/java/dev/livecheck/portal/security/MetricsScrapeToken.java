package dev.livecheck.portal.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.endpoint.EndpointId;
import org.springframework.boot.actuate.endpoint.web.PathMappedEndpoints;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.stereotype.Component;

/**
 * The installation's credential for a Prometheus scraper: {@value #PROPERTY} holds the SHA-256 (64 hex characters) of
 * a random token the operator generated; the plain token is stored nowhere. It is in force only when it is set and the
 * prometheus endpoint is exposed ({@code management.endpoints.web.exposure.include}); otherwise nothing about the
 * endpoint changes. It opens that one endpoint and nothing else ({@link MetricsScrapeTokenFilter}).
 */
@Component
class MetricsScrapeToken {
    static final String PROPERTY = "livecheck.metrics.scrape-token-sha256";
    private static final EndpointId PROMETHEUS = EndpointId.of("prometheus");

    /** SHA-256 of the token; null when no token is configured. */
    private final byte[] tokenHash;
    /** The exposed prometheus endpoint's path; null when the token is not in force. */
    private final RequestMatcher endpoint;

    MetricsScrapeToken(@Value("${" + PROPERTY + ":}") String configuredHash,
                       ObjectProvider<PathMappedEndpoints> exposedEndpoints) {
        this.tokenHash = parse(configuredHash);
        String path = Optional.ofNullable(exposedEndpoints.getIfAvailable()).map(e -> e.getPath(PROMETHEUS))
                .orElse(null);
        this.endpoint = tokenHash == null || path == null ? null : PathPatternRequestMatcher.withDefaults()
                .matcher(path);
        if (tokenHash != null && path == null) {
            LoggerFactory.getLogger(MetricsScrapeToken.class).warn("{} is set but the prometheus endpoint is not "
                    + "exposed (management.endpoints.web.exposure.include): the token opens nothing", PROPERTY);
        }
    }

    /** Refuses a value that cannot be a SHA-256 hash (it is never echoed: it might be the token itself). */
    private static byte[] parse(String configured) {
        String hash = configured == null ? "" : configured.strip().toLowerCase(Locale.ROOT);
        if (hash.isEmpty()) {
            return null;
        }
        if (!hash.matches("[0-9a-f]{64}")) {
            throw new IllegalStateException(PROPERTY + " (LIVECHECK_METRICS_SCRAPE_TOKEN_SHA256) must be the SHA-256 "
                    + "of the scrape token as 64 hex characters, e.g. printf '%s' \"$TOKEN\" | sha256sum; the value "
                    + "set has " + hash.length() + " characters, or characters other than 0-9 and a-f");
        }
        return HexFormat.of().parseHex(hash);
    }

    /** Whether a token is configured and the endpoint exposed: only then does the token (or its absence) matter. */
    boolean inForce() {
        return endpoint != null;
    }

    /** The exposed prometheus endpoint, when the token is in force ({@link #inForce()}). */
    RequestMatcher endpoint() {
        return endpoint;
    }

    /** Whether {@code presented} is the token: its SHA-256 compared with the configured one in constant time. */
    boolean matches(String presented) {
        return tokenHash != null && MessageDigest.isEqual(sha256(presented), tokenHash);
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
