package dev.livecheck.portal.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * The answer to {@code GET /sessions/{id}}, in the shape the IDV SDKs parse (GetSessionResult): one ZOOM liveness
 * resource and one LIVENESS check per decided attempt. Absent values are omitted, never {@code null}: the SDK's
 * validators refuse {@code null} for a string. Instants are ISO-8601 UTC strings.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "SessionResult")
record SessionResult(
        @JsonProperty(Wire.SESSION_ID) String sessionId,
        @JsonProperty(Wire.STATE) @Schema(allowableValues = {"ONGOING", "COMPLETED", "EXPIRED"}) String state,
        @JsonProperty(Wire.CLIENT_SESSION_TOKEN_TTL)
        @Schema(description = "Seconds the client session token still works (0 once the session is no longer ONGOING)")
        int clientSessionTokenTtl,
        @JsonProperty(Wire.USER_TRACKING_ID) String userTrackingId,
        @JsonProperty(Wire.BIOMETRIC_CONSENT) @Schema(format = "date-time",
                description = "When the end user gave biometric consent on the capture page")
        String biometricConsent,
        @JsonProperty(Wire.RESOURCES) Resources resources,
        @JsonProperty(Wire.CHECKS) List<Check> checks) {

    @Schema(name = "SessionResources")
    record Resources(@JsonProperty(Wire.LIVENESS_CAPTURE) List<LivenessResource> livenessCapture) {
    }

    /** One attempt: {@code id} is the attempt's id; its three images are the frames. */
    @Schema(name = "LivenessResource")
    record LivenessResource(
            @JsonProperty(Wire.ID) String id,
            @JsonProperty(Wire.LIVENESS_TYPE) @Schema(allowableValues = Wire.ZOOM) String livenessType,
            @JsonProperty(Wire.TASKS) @Schema(description = "Always empty: Livecheck has no tasks")
            List<Object> tasks,
            @JsonProperty(Wire.FRAMES) List<Frame> frames) {
    }

    @Schema(name = "Frame")
    record Frame(@JsonProperty(Wire.MEDIA) Media media) {
    }

    /** An image; its bytes are at {@code GET /sessions/{id}/media/{media id}/content} until purged. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "Media")
    record Media(
            @JsonProperty(Wire.ID) String id,
            @JsonProperty(Wire.TYPE) @Schema(allowableValues = Wire.IMAGE) String type,
            @JsonProperty(Wire.CREATED) @Schema(format = "date-time") String created,
            @JsonProperty(Wire.LAST_UPDATED) @Schema(format = "date-time",
                    description = "When the content was deleted, if it was; else when it was created")
            String lastUpdated) {
    }

    /** The LIVENESS check of one attempt (stored only once decided, hence always DONE). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "LivenessCheck")
    record Check(
            @JsonProperty(Wire.TYPE) @Schema(allowableValues = Wire.LIVENESS) String type,
            @JsonProperty(Wire.ID) String id,
            @JsonProperty(Wire.STATE) @Schema(allowableValues = Wire.DONE) String state,
            @JsonProperty(Wire.RESOURCES_USED) List<String> resourcesUsed,
            @JsonProperty(Wire.GENERATED_MEDIA) List<Object> generatedMedia,
            @JsonProperty(Wire.REPORT) Report report,
            @JsonProperty(Wire.CREATED) @Schema(format = "date-time") String created,
            @JsonProperty(Wire.LAST_UPDATED) @Schema(format = "date-time") String lastUpdated) {
    }

    @Schema(name = "Report")
    record Report(@JsonProperty(Wire.RECOMMENDATION) Recommendation recommendation,
                  @JsonProperty(Wire.BREAKDOWN) List<Breakdown> breakdown) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "Recommendation")
    record Recommendation(
            @JsonProperty(Wire.VALUE) @Schema(allowableValues = {"APPROVE", "REJECT", "NOT_AVAILABLE"}) String value,
            @JsonProperty(Wire.REASON) @Schema(description = "Why not APPROVE, e.g. FLAT_SURFACE (as the report "
                    + "page shows it)") String reason) {
    }

    /** liveness_auth first (the vendor's verdict), then each of Livecheck's own sub-checks. */
    @Schema(name = "Breakdown")
    record Breakdown(
            @JsonProperty(Wire.SUB_CHECK) String subCheck,
            @JsonProperty(Wire.RESULT) @Schema(allowableValues = {"PASS", "FAIL", "INCONCLUSIVE"}) String result,
            @JsonProperty(Wire.PROCESS) @Schema(allowableValues = Wire.AUTOMATED) String process,
            @JsonProperty(Wire.DETAILS) List<Detail> details) {
    }

    /** A measured value; always a string, as the SDK requires. */
    @Schema(name = "Detail")
    record Detail(@JsonProperty(Wire.NAME) String name, @JsonProperty(Wire.VALUE) String value) {
    }
}
