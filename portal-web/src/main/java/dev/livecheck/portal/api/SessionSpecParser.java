package dev.livecheck.portal.api;

import static dev.livecheck.portal.api.JsonFields.given;
import static dev.livecheck.portal.api.JsonFields.path;

import dev.livecheck.persistence.notifications.NotificationTopic;
import dev.livecheck.persistence.profiles.CheckProfile;
import dev.livecheck.persistence.sessions.VerificationSession;
import dev.livecheck.portal.notifications.NotificationEndpointPolicy;
import dev.livecheck.portal.web.HttpUrl;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and validates the body of {@code POST /sessions}, the session specification as the IDV SDKs send it. The
 * rules are the portal's (limits from {@link CheckProfile}, URLs as {@link HttpUrl}, endpoints as
 * {@link NotificationEndpointPolicy}); defaults come from the calling application's check profile. Every problem is
 * collected with its JSON path, then refused together (400); a requested check, task or setting Livecheck cannot
 * honour is refused, never silently ignored. Only the SDK's presentation settings of other products are ignored
 * ({@link Wire#IGNORED_SDK_CONFIG}).
 */
@Component
class SessionSpecParser {

    static final int MIN_TOKEN_TTL_SECONDS = 60;
    static final int MAX_TOKEN_TTL_SECONDS = CheckProfile.MAX_LINK_LIFETIME_HOURS * 3600;
    static final int MAX_RESOURCES_TTL_SECONDS = CheckProfile.MAX_IMAGE_RETENTION_DAYS * 86_400;
    static final int MAX_TRACKING_ID_LENGTH = VerificationSession.MAX_TRACKING_ID_LENGTH;
    static final int MAX_URL_LENGTH = 2000;
    static final int MAX_AUTH_TOKEN_LENGTH = 1000;
    /** Yoti's documented default when a token is given without a type. */
    static final String DEFAULT_AUTH_TYPE = Wire.BASIC;

    private static final Set<String> TOP_LEVEL = Set.of(Wire.CLIENT_SESSION_TOKEN_TTL, Wire.SESSION_DEADLINE,
            Wire.RESOURCES_TTL, Wire.USER_TRACKING_ID, Wire.NOTIFICATIONS, Wire.REQUESTED_CHECKS,
            Wire.REQUESTED_TASKS, Wire.REQUIRED_DOCUMENTS, Wire.SDK_CONFIG, Wire.BLOCK_BIOMETRIC_CONSENT);
    private static final String UNSUPPORTED = "is not supported by Livecheck (liveness checks only)";
    private static final Map<String, String> REFUSED_TOP_LEVEL = Map.of(
            "identity_profile_requirements", UNSUPPORTED, "advanced_identity_profile_requirements", UNSUPPORTED,
            "subject", UNSUPPORTED, "resources", UNSUPPORTED);
    private static final Set<String> NOTIFICATION_KEYS = Set.of(Wire.ENDPOINT, Wire.TOPICS, Wire.AUTH_TOKEN,
            Wire.AUTH_TYPE);
    private static final Set<String> CHECK_KEYS = Set.of(Wire.TYPE, Wire.CONFIG);
    private static final Set<String> LIVENESS_CONFIG_KEYS = Set.of(Wire.LIVENESS_TYPE, Wire.MAX_RETRIES,
            Wire.MAX_ABANDONED_ATTEMPTS);
    private static final Set<String> SDK_CONFIG_KEYS;

    static {
        Set<String> keys = new LinkedHashSet<>(List.of(Wire.PRIMARY_COLOUR, Wire.LOCALE, Wire.SUCCESS_URL,
                Wire.ERROR_URL, Wire.PRIVACY_POLICY_URL));
        keys.addAll(Wire.IGNORED_SDK_CONFIG);
        SDK_CONFIG_KEYS = Set.copyOf(keys);
    }

    /** Strict: a duplicate key or anything after the object is malformed input, not something to guess about. */
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final NotificationEndpointPolicy endpoints;

    SessionSpecParser(NotificationEndpointPolicy endpoints) {
        this.endpoints = endpoints;
    }

    /**
     * @throws ApiException 400 MALFORMED_JSON when the body is not JSON, 400 INVALID_REQUEST naming every field
     *                      that breaks a rule
     */
    SessionSpec parse(byte[] body, CheckProfile defaults, Instant now) {
        JsonNode root = readTree(body);
        JsonFields in = new JsonFields();
        if (!root.isObject()) {
            in.reject("$", "the session specification must be a JSON object");
            throw ApiException.invalid(in.problems());
        }
        in.onlyKnownKeys(root, "", TOP_LEVEL, REFUSED_TOP_LEVEL);
        Integer ttl = tokenTtl(root, in, now);
        int tokenTtl = ttl != null ? ttl : defaults.linkLifetimeHours() * 3600;
        Integer resources = in.integer(root, Wire.RESOURCES_TTL, "", MIN_TOKEN_TTL_SECONDS,
                MAX_RESOURCES_TTL_SECONDS, " seconds");
        if (resources != null && resources < tokenTtl) {
            in.reject(Wire.RESOURCES_TTL, "must be at least " + Wire.CLIENT_SESSION_TOKEN_TTL + " (" + tokenTtl
                    + " seconds): the images must outlive the capture link");
        }
        int resourcesTtl = resources != null ? resources
                : Math.max(defaults.imageRetentionDays() * 86_400, tokenTtl);
        String trackingId = in.string(root, Wire.USER_TRACKING_ID, "", MAX_TRACKING_ID_LENGTH);
        Limits limits = requestedChecks(root, in);
        noneRequested(root, Wire.REQUESTED_TASKS, "Livecheck has no tasks", in);
        noneRequested(root, Wire.REQUIRED_DOCUMENTS, "Livecheck captures no documents", in);
        if (Boolean.TRUE.equals(in.bool(root, Wire.BLOCK_BIOMETRIC_CONSENT, ""))) {
            in.reject(Wire.BLOCK_BIOMETRIC_CONSENT, "cannot be true: the capture page always asks the end user's "
                    + "biometric consent");
        }
        SessionSpec.Notification notification = notification(root, in);
        SessionSpec.SdkConfig sdkConfig = sdkConfig(root, in);
        if (!in.problems().isEmpty()) {
            throw ApiException.invalid(in.problems());
        }
        return new SessionSpec(tokenTtl, resourcesTtl, trackingId == null || trackingId.isEmpty() ? null : trackingId,
                limits.maxAttempts() != null ? limits.maxAttempts() : defaults.maxAttempts(),
                limits.maxAbandonedAttempts() != null ? limits.maxAbandonedAttempts()
                        : defaults.maxAbandonedAttempts(), notification, sdkConfig);
    }

    private static JsonNode readTree(byte[] body) {
        if (body == null || body.length == 0) {
            throw ApiException.malformed("the body is empty; send the session specification as a JSON object.");
        }
        try {
            return JSON.readTree(body);
        } catch (JacksonException e) {
            String why = e.getOriginalMessage();
            if (why != null && why.length() > 200) {
                why = why.substring(0, 200) + "…";
            }
            throw ApiException.malformed(why + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ")"));
        }
    }

    /** {@code client_session_token_ttl} in seconds, or the SDK's alternative {@code session_deadline}; one of them. */
    private static @Nullable Integer tokenTtl(JsonNode root, JsonFields in, Instant now) {
        Integer ttl = in.integer(root, Wire.CLIENT_SESSION_TOKEN_TTL, "", MIN_TOKEN_TTL_SECONDS,
                MAX_TOKEN_TTL_SECONDS, " seconds");
        JsonNode deadline = given(root, Wire.SESSION_DEADLINE);
        if (deadline == null) {
            return ttl;
        }
        if (given(root, Wire.CLIENT_SESSION_TOKEN_TTL) != null) {
            in.reject(Wire.SESSION_DEADLINE, "give " + Wire.CLIENT_SESSION_TOKEN_TTL + " or " + Wire.SESSION_DEADLINE
                    + ", not both");
            return null;
        }
        try {
            Instant at = deadline.isString() ? OffsetDateTime.parse(deadline.asString()).toInstant() : null;
            long seconds = at == null ? -1 : Duration.between(now, at).toSeconds();
            if (at == null || seconds < MIN_TOKEN_TTL_SECONDS || seconds > MAX_TOKEN_TTL_SECONDS) {
                in.reject(Wire.SESSION_DEADLINE, "must be an ISO-8601 date-time with offset between "
                        + MIN_TOKEN_TTL_SECONDS + " seconds and " + CheckProfile.MAX_LINK_LIFETIME_HOURS
                        + " hours from now");
                return null;
            }
            return (int) seconds;
        } catch (DateTimeParseException e) {
            in.reject(Wire.SESSION_DEADLINE, "must be an ISO-8601 date-time with offset, e.g. 2030-01-01T00:00:00Z");
            return null;
        }
    }

    /** The LIVENESS check's limits; each null when not given or invalid (then the profile's applies). */
    private record Limits(Integer maxAttempts, Integer maxAbandonedAttempts) {
        static final Limits NONE = new Limits(null, null);
    }

    /** Exactly one LIVENESS check of type ZOOM; returns its limits. */
    private static Limits requestedChecks(JsonNode root, JsonFields in) {
        JsonNode checks = in.array(root, Wire.REQUESTED_CHECKS, "");
        if (checks == null) {
            if (given(root, Wire.REQUESTED_CHECKS) == null) {
                in.reject(Wire.REQUESTED_CHECKS, "must request exactly one LIVENESS check");
            }
            return Limits.NONE;
        }
        if (checks.isEmpty()) {
            in.reject(Wire.REQUESTED_CHECKS, "must request exactly one LIVENESS check");
        }
        Limits limits = Limits.NONE;
        int liveness = 0;
        for (int i = 0; i < checks.size(); i++) {
            String at = path(Wire.REQUESTED_CHECKS, i);
            JsonNode check = checks.get(i);
            if (!check.isObject()) {
                in.reject(at, "must be an object");
                continue;
            }
            String type = in.string(check, Wire.TYPE, at, 100);
            if (type == null) {
                if (given(check, Wire.TYPE) == null) {
                    in.reject(path(at, Wire.TYPE), "is required");
                }
                continue;
            }
            if (!Wire.LIVENESS.equals(type)) {
                in.reject(path(at, Wire.TYPE), "unsupported check type \"" + type
                        + "\": Livecheck performs LIVENESS checks only");
                continue;
            }
            in.onlyKnownKeys(check, at, CHECK_KEYS, Map.of());
            if (++liveness > 1) {
                in.reject(at, "only one LIVENESS check may be requested");
                continue;
            }
            limits = livenessConfig(check, at, in);
        }
        return limits;
    }

    private static Limits livenessConfig(JsonNode check, String at, JsonFields in) {
        String configPath = path(at, Wire.CONFIG);
        JsonNode config = in.object(check, Wire.CONFIG, at);
        if (config == null) {
            if (given(check, Wire.CONFIG) == null) {
                in.reject(path(configPath, Wire.LIVENESS_TYPE), "is required: ZOOM");
            }
            return Limits.NONE;
        }
        in.onlyKnownKeys(config, configPath, LIVENESS_CONFIG_KEYS, Map.of());
        String livenessType = in.string(config, Wire.LIVENESS_TYPE, configPath, 100);
        if (livenessType == null && given(config, Wire.LIVENESS_TYPE) == null) {
            in.reject(path(configPath, Wire.LIVENESS_TYPE), "is required: ZOOM");
        } else if (livenessType != null && !Wire.ZOOM.equals(livenessType)) {
            in.reject(path(configPath, Wire.LIVENESS_TYPE), "unsupported liveness type \"" + livenessType
                    + "\": Livecheck performs ZOOM (active, moving-face) liveness only");
        }
        return new Limits(in.integer(config, Wire.MAX_RETRIES, configPath, CheckProfile.MIN_MAX_ATTEMPTS,
                CheckProfile.MAX_MAX_ATTEMPTS, " attempts"),
                in.integer(config, Wire.MAX_ABANDONED_ATTEMPTS, configPath, CheckProfile.MIN_MAX_ABANDONED_ATTEMPTS,
                        CheckProfile.MAX_MAX_ABANDONED_ATTEMPTS, " abandoned attempts"));
    }

    /** requested_tasks and required_documents: the SDK always sends them; only an empty list can be honoured. */
    private static void noneRequested(JsonNode root, String key, String why, JsonFields in) {
        JsonNode list = in.array(root, key, "");
        if (list == null) {
            return;
        }
        for (int i = 0; i < list.size(); i++) {
            JsonNode item = list.get(i);
            JsonNode type = item.isObject() ? given(item, Wire.TYPE) : null;
            in.reject(path(key, i), (type != null && type.isString() ? "unsupported type \"" + type.asString()
                    + "\": " : "unsupported: ") + why);
        }
    }

    private SessionSpec.@Nullable Notification notification(JsonNode root, JsonFields in) {
        JsonNode config = in.object(root, Wire.NOTIFICATIONS, "");
        if (config == null) {
            return null;
        }
        String at = Wire.NOTIFICATIONS;
        in.onlyKnownKeys(config, at, NOTIFICATION_KEYS, Map.of());
        String endpoint = in.string(config, Wire.ENDPOINT, at, NotificationEndpointPolicy.MAX_LENGTH);
        if (endpoint == null && given(config, Wire.ENDPOINT) == null) {
            in.reject(path(at, Wire.ENDPOINT), "is required with notifications");
        } else if (endpoint != null) {
            endpoints.problem(endpoint).ifPresent(problem -> in.reject(path(at, Wire.ENDPOINT), problem));
        }
        List<String> topics = topics(config, at, in);
        String authType = in.string(config, Wire.AUTH_TYPE, at, 10);
        if (authType != null && !authType.equals(Wire.BASIC) && !authType.equals(Wire.BEARER)) {
            in.reject(path(at, Wire.AUTH_TYPE), "must be BASIC or BEARER");
        }
        String authToken = in.string(config, Wire.AUTH_TOKEN, at, MAX_AUTH_TOKEN_LENGTH);
        if (authToken != null && (authToken.isEmpty() || !authToken.chars().allMatch(c -> c >= 0x20 && c < 0x7f))) {
            in.reject(path(at, Wire.AUTH_TOKEN), "must be printable ASCII (it is sent in the Authorization header)");
        }
        if (authType != null && given(config, Wire.AUTH_TOKEN) == null) {
            in.reject(path(at, Wire.AUTH_TOKEN), "is required with " + Wire.AUTH_TYPE);
        }
        return new SessionSpec.Notification(endpoint, topics,
                authToken == null ? null : authType != null ? authType : DEFAULT_AUTH_TYPE, authToken);
    }

    private static List<String> topics(JsonNode config, String at, JsonFields in) {
        JsonNode topics = in.array(config, Wire.TOPICS, at);
        String topicsPath = path(at, Wire.TOPICS);
        if (topics == null || topics.isEmpty()) {
            if (topics != null || given(config, Wire.TOPICS) == null) {
                in.reject(topicsPath, "must name at least one of " + String.join(", ", Wire.TOPIC_NAMES));
            }
            return List.of();
        }
        Set<String> names = new LinkedHashSet<>();
        for (int i = 0; i < topics.size(); i++) {
            JsonNode topic = topics.get(i);
            Optional<NotificationTopic> known = topic.isString()
                    ? NotificationTopic.parse(topic.asString()) : Optional.empty();
            if (known.isEmpty()) {
                in.reject(path(topicsPath, i), "must be one of " + String.join(", ", Wire.TOPIC_NAMES));
            } else {
                names.add(known.get().name());
            }
        }
        return new ArrayList<>(names);
    }

    private static SessionSpec.SdkConfig sdkConfig(JsonNode root, JsonFields in) {
        JsonNode config = in.object(root, Wire.SDK_CONFIG, "");
        if (config == null) {
            return SessionSpec.SdkConfig.NONE;
        }
        String at = Wire.SDK_CONFIG;
        in.onlyKnownKeys(config, at, SDK_CONFIG_KEYS, Map.of());
        String colour = in.string(config, Wire.PRIMARY_COLOUR, at, 100);
        if (colour != null) {
            colour = colour.toLowerCase(Locale.ROOT);
            if (!CheckProfile.COLOUR.matcher(colour).matches()) {
                in.reject(path(at, Wire.PRIMARY_COLOUR), "must be a colour #rrggbb");
                colour = null;
            }
        }
        String locale = in.string(config, Wire.LOCALE, at, 16);
        if (locale != null && !CheckProfile.LOCALE.matcher(locale).matches()) {
            in.reject(path(at, Wire.LOCALE), "must be a language tag such as en, de or en-GB");
        }
        return new SessionSpec.SdkConfig(colour, locale, url(config, Wire.SUCCESS_URL, in),
                url(config, Wire.ERROR_URL, in), url(config, Wire.PRIVACY_POLICY_URL, in));
    }

    private static @Nullable String url(JsonNode config, String key, JsonFields in) {
        String url = in.string(config, key, Wire.SDK_CONFIG, MAX_URL_LENGTH);
        if (url != null && !HttpUrl.Validator.isHttpUrl(url)) {
            in.reject(path(Wire.SDK_CONFIG, key), "must be an absolute http or https URL");
            return null;
        }
        return url == null ? null : url.strip();
    }
}
