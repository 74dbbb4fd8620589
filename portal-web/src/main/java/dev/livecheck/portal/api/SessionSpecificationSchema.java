package dev.livecheck.portal.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * The body of {@code POST /sessions} for the OpenAPI document only: the server reads it as a tree
 * ({@link SessionSpecParser}, which holds the rules), so this record is never instantiated.
 */
@Schema(name = "SessionSpecification", description = "As Yoti's SDKs send it (SessionSpecificationBuilder). Fields "
        + "not listed here are refused with 400, except the SDK's other sdk_config settings, which are ignored.")
record SessionSpecificationSchema(
        @JsonProperty(Wire.CLIENT_SESSION_TOKEN_TTL)
        @Schema(description = "Seconds the client session token works; default: the profile's link lifetime",
                minimum = "" + SessionSpecParser.MIN_TOKEN_TTL_SECONDS,
                maximum = "" + SessionSpecParser.MAX_TOKEN_TTL_SECONDS)
        Integer clientSessionTokenTtl,
        @JsonProperty(Wire.SESSION_DEADLINE)
        @Schema(format = "date-time", description = "Instead of client_session_token_ttl (not both): when the token "
                + "stops working, within the same range")
        String sessionDeadline,
        @JsonProperty(Wire.RESOURCES_TTL)
        @Schema(description = "Seconds the images are kept at most (the profile's retention may end sooner); at least "
                + "client_session_token_ttl; default: the profile's image retention",
                maximum = "" + SessionSpecParser.MAX_RESOURCES_TTL_SECONDS)
        Integer resourcesTtl,
        @JsonProperty(Wire.USER_TRACKING_ID)
        @Schema(maxLength = SessionSpecParser.MAX_TRACKING_ID_LENGTH, description = "Shown as the tracking id")
        String userTrackingId,
        @JsonProperty(Wire.NOTIFICATIONS) Notifications notifications,
        @JsonProperty(Wire.REQUESTED_CHECKS)
        @ArraySchema(minItems = 1, maxItems = 1, schema = @Schema(implementation = SessionConfiguration.RequestedCheck.class))
        List<SessionConfiguration.RequestedCheck> requestedChecks,
        @JsonProperty(Wire.REQUESTED_TASKS) @ArraySchema(maxItems = 0) List<Object> requestedTasks,
        @JsonProperty(Wire.REQUIRED_DOCUMENTS) @ArraySchema(maxItems = 0) List<Object> requiredDocuments,
        @JsonProperty(Wire.SDK_CONFIG) SdkConfig sdkConfig,
        @JsonProperty(Wire.BLOCK_BIOMETRIC_CONSENT)
        @Schema(description = "Only false is accepted: the capture page always asks the end user's consent")
        Boolean blockBiometricConsent) {

    @Schema(name = "NotificationsSpecification")
    record Notifications(
            @JsonProperty(Wire.ENDPOINT) @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                    description = "https URL, not on a private, loopback or link-local address") String endpoint,
            @JsonProperty(Wire.TOPICS) @ArraySchema(minItems = 1, schema = @Schema(allowableValues = {
                    "RESOURCE_UPDATE", "TASK_COMPLETION", "CHECK_COMPLETION", "SESSION_COMPLETION",
                    "CLIENT_SESSION_TOKEN_DELETED"})) List<String> topics,
            @JsonProperty(Wire.AUTH_TOKEN) @Schema(maxLength = SessionSpecParser.MAX_AUTH_TOKEN_LENGTH,
                    description = "Printable ASCII; sent as the Authorization header's credentials; stored sealed")
            String authToken,
            @JsonProperty(Wire.AUTH_TYPE) @Schema(allowableValues = {Wire.BASIC, Wire.BEARER},
                    description = "Default BASIC when auth_token is given") String authType) {
    }

    @Schema(name = "SdkConfigSpecification", description = "Also accepted and ignored: allowed_capture_methods, "
            + "secondary_colour, font_colour, preset_issuing_country, biometric_consent_flow, allow_handoff, "
            + "attempts_configuration, brand_id, suppressed_screens")
    record SdkConfig(
            @JsonProperty(Wire.PRIMARY_COLOUR) @Schema(pattern = "^#[0-9a-fA-F]{6}$") String primaryColour,
            @JsonProperty(Wire.LOCALE) @Schema(example = "en-GB") String locale,
            @JsonProperty(Wire.SUCCESS_URL) @Schema(format = "uri") String successUrl,
            @JsonProperty(Wire.ERROR_URL) @Schema(format = "uri") String errorUrl,
            @JsonProperty(Wire.PRIVACY_POLICY_URL) @Schema(format = "uri") String privacyPolicyUrl) {
    }
}
