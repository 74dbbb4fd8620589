package dev.livecheck.portal.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * The answer to {@code GET /sessions/{id}/configuration}: what the session was created with, in the shape the SDKs'
 * SessionConfigurationResponse parses (its four fields are required there), plus the rest of the request (never the
 * notification auth token).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "SessionConfiguration")
record SessionConfiguration(
        @JsonProperty(Wire.SESSION_ID) String sessionId,
        @JsonProperty(Wire.CLIENT_SESSION_TOKEN_TTL) @Schema(description = "As requested, in seconds")
        int clientSessionTokenTtl,
        @JsonProperty(Wire.RESOURCES_TTL) @Schema(description = "As requested, in seconds") int resourcesTtl,
        @JsonProperty(Wire.USER_TRACKING_ID) String userTrackingId,
        @JsonProperty(Wire.REQUESTED_CHECKS) List<RequestedCheck> requestedChecks,
        @JsonProperty(Wire.CAPTURE) Capture capture,
        @JsonProperty(Wire.NOTIFICATIONS) Notifications notifications,
        @JsonProperty(Wire.SDK_CONFIG) SdkConfig sdkConfig) {

    @Schema(name = "RequestedCheck")
    record RequestedCheck(@JsonProperty(Wire.TYPE) @Schema(allowableValues = Wire.LIVENESS) String type,
                          @JsonProperty(Wire.CONFIG) LivenessConfig config) {
    }

    @Schema(name = "LivenessConfig")
    record LivenessConfig(@JsonProperty(Wire.LIVENESS_TYPE) @Schema(allowableValues = Wire.ZOOM) String livenessType,
                          @JsonProperty(Wire.MAX_RETRIES) int maxAttempts,
                          @JsonProperty(Wire.MAX_ABANDONED_ATTEMPTS)
                          @Schema(description = "Livecheck's extension: abandoned attempts after which the session closes")
                          int maxAbandonedAttempts) {
    }

    @Schema(name = "Capture")
    record Capture(
            @JsonProperty(Wire.BIOMETRIC_CONSENT) @Schema(allowableValues = {Wire.REQUIRED, Wire.CONSENTED})
            String biometricConsent,
            @JsonProperty(Wire.REQUIRED_RESOURCES) List<RequiredResource> requiredResources) {
    }

    @Schema(name = "RequiredResource")
    record RequiredResource(
            @JsonProperty(Wire.TYPE) @Schema(allowableValues = Wire.LIVENESS) String type,
            @JsonProperty(Wire.ID) String id,
            @JsonProperty(Wire.STATE) @Schema(allowableValues = {Wire.REQUIRED, Wire.COMPLETE}) String state,
            @JsonProperty(Wire.LIVENESS_TYPE) @Schema(allowableValues = Wire.ZOOM) String livenessType,
            @JsonProperty(Wire.ALLOWED_SOURCES) List<AllowedSource> allowedSources) {
    }

    @Schema(name = "AllowedSource")
    record AllowedSource(@JsonProperty(Wire.TYPE) @Schema(allowableValues = Wire.END_USER) String type) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "NotificationsConfiguration")
    record Notifications(@JsonProperty(Wire.ENDPOINT) String endpoint,
                         @JsonProperty(Wire.TOPICS) List<String> topics,
                         @JsonProperty(Wire.AUTH_TYPE) @Schema(allowableValues = {Wire.BASIC, Wire.BEARER})
                         String authType) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "SdkConfig")
    record SdkConfig(@JsonProperty(Wire.PRIMARY_COLOUR) String primaryColour,
                     @JsonProperty(Wire.LOCALE) String locale,
                     @JsonProperty(Wire.SUCCESS_URL) String successUrl,
                     @JsonProperty(Wire.ERROR_URL) String errorUrl,
                     @JsonProperty(Wire.PRIVACY_POLICY_URL) String privacyPolicyUrl) {
    }
}
