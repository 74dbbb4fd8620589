package dev.livecheck.portal.api;

import dev.livecheck.persistence.notifications.NotificationTopic;
import java.util.Arrays;
import java.util.List;

/**
 * The JSON names and values of the IDV session format, in one place: the request parser, the response records'
 * {@code @JsonProperty} names and the OpenAPI document all read them from here (docs/api.md lists them).
 */
final class Wire {

    // --- session specification (POST /sessions) and configuration
    static final String CLIENT_SESSION_TOKEN_TTL = "client_session_token_ttl";
    static final String SESSION_DEADLINE = "session_deadline";
    static final String RESOURCES_TTL = "resources_ttl";
    static final String USER_TRACKING_ID = "user_tracking_id";
    static final String NOTIFICATIONS = "notifications";
    static final String REQUESTED_CHECKS = "requested_checks";
    static final String REQUESTED_TASKS = "requested_tasks";
    static final String REQUIRED_DOCUMENTS = "required_documents";
    static final String SDK_CONFIG = "sdk_config";
    static final String BLOCK_BIOMETRIC_CONSENT = "block_biometric_consent";

    static final String ENDPOINT = "endpoint";
    static final String TOPICS = "topics";
    static final String AUTH_TOKEN = "auth_token";
    static final String AUTH_TYPE = "auth_type";

    static final String TYPE = "type";
    static final String CONFIG = "config";
    static final String LIVENESS_TYPE = "liveness_type";
    static final String MAX_RETRIES = "max_retries";
    /** Livecheck's extension: abandoned attempts the session tolerates (CheckProfile's range, the profile's default). */
    static final String MAX_ABANDONED_ATTEMPTS = "max_abandoned_attempts";

    static final String PRIMARY_COLOUR = "primary_colour";
    static final String LOCALE = "locale";
    static final String SUCCESS_URL = "success_url";
    static final String ERROR_URL = "error_url";
    static final String PRIVACY_POLICY_URL = "privacy_policy_url";

    // --- answers
    static final String SESSION_ID = "session_id";
    static final String CLIENT_SESSION_TOKEN = "client_session_token";
    static final String STATE = "state";
    static final String BIOMETRIC_CONSENT = "biometric_consent";
    static final String RESOURCES = "resources";
    static final String LIVENESS_CAPTURE = "liveness_capture";
    static final String CHECKS = "checks";
    static final String ID = "id";
    static final String TASKS = "tasks";
    static final String FRAMES = "frames";
    static final String MEDIA = "media";
    static final String CREATED = "created";
    static final String LAST_UPDATED = "last_updated";
    static final String RESOURCES_USED = "resources_used";
    static final String GENERATED_MEDIA = "generated_media";
    static final String REPORT = "report";
    static final String RECOMMENDATION = "recommendation";
    static final String VALUE = "value";
    static final String REASON = "reason";
    static final String BREAKDOWN = "breakdown";
    static final String SUB_CHECK = "sub_check";
    static final String RESULT = "result";
    static final String PROCESS = "process";
    static final String DETAILS = "details";
    static final String NAME = "name";
    static final String CAPTURE = "capture";
    static final String REQUIRED_RESOURCES = "required_resources";
    static final String ALLOWED_SOURCES = "allowed_sources";

    // --- values
    static final String LIVENESS = "LIVENESS";
    static final String ZOOM = "ZOOM";
    static final String IMAGE = "IMAGE";
    static final String DONE = "DONE";
    static final String LIVENESS_AUTH = "liveness_auth";
    static final String AUTOMATED = "AUTOMATED";
    static final String END_USER = "END_USER";
    static final String REQUIRED = "REQUIRED";
    static final String COMPLETE = "COMPLETE";
    static final String CONSENTED = "CONSENTED";
    static final String BASIC = "BASIC";
    static final String BEARER = "BEARER";

    /**
     * The notification topics a session may ask for, as the SDK names them. TASK_COMPLETION is accepted because the
     * SDK's builder offers it, but never sent: a Livecheck session has no tasks.
     */
    static final List<String> TOPIC_NAMES = Arrays.stream(NotificationTopic.values()).map(Enum::name).toList();

    /**
     * sdk_config keys of the SDK's builder that configure what Livecheck does not have (document capture, hand-off,
     * fonts, ...): accepted and ignored, so an existing integration works unchanged. Anything else is refused.
     */
    static final List<String> IGNORED_SDK_CONFIG = List.of("allowed_capture_methods", "secondary_colour",
            "font_colour", "preset_issuing_country", "biometric_consent_flow", "allow_handoff",
            "attempts_configuration", "brand_id", "suppressed_screens");

    private Wire() {
    }
}
