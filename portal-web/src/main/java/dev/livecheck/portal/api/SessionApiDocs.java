package dev.livecheck.portal.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;

/** The OpenAPI description of {@link SessionApiController}, kept apart so the controller reads as code. */
@Tag(name = "Sessions", description = "Liveness sessions in the IDV session format")
interface SessionApiDocs {

    String JSON = "application/json";

    @Operation(summary = "Create a session", description = "One ZOOM liveness check. The answer's "
            + "client_session_token opens the web entry; it is shown only here.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = JSON, schema = @Schema(implementation = SessionSpecificationSchema.class))))
    @ApiResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = CreateSessionResult.class)))
    @ApiResponse(responseCode = "400", description = "MALFORMED_JSON, or INVALID_REQUEST with one entry per field",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "409", description = "PROFILE_UNAVAILABLE: the application's profile is archived",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "415", description = "UNSUPPORTED_MEDIA_TYPE: the body is not application/json",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = ApiError.class)))
    ResponseEntity<CreateSessionResult> create(@Parameter(hidden = true) HttpServletRequest request,
                                               @Parameter(hidden = true) byte[] body);

    @Operation(summary = "Read a session", description = "State, the attempts as liveness_capture resources with "
            + "their three images, and one LIVENESS check per attempt")
    @ApiResponse(responseCode = "200", description = "The session",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = SessionResult.class)))
    @ApiResponse(responseCode = "404", description = "SESSION_NOT_FOUND (also another business's, a portal session, "
            + "or not a UUID)", content = @Content(mediaType = JSON, schema = @Schema(implementation = ApiError.class)))
    ResponseEntity<SessionResult> get(@Parameter(hidden = true) HttpServletRequest request,
                                      @Parameter(description = "The session id") String sessionId);

    @Operation(summary = "What the session was requested with")
    @ApiResponse(responseCode = "200", description = "The configuration",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = SessionConfiguration.class)))
    @ApiResponse(responseCode = "404", description = "SESSION_NOT_FOUND",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = ApiError.class)))
    ResponseEntity<SessionConfiguration> configuration(@Parameter(hidden = true) HttpServletRequest request,
                                                       @Parameter(description = "The session id") String sessionId);

    @Operation(summary = "Delete a session", description = "With its attempts, images and e-mails; audited")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ApiResponse(responseCode = "404", description = "SESSION_NOT_FOUND",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = ApiError.class)))
    ResponseEntity<Void> delete(@Parameter(hidden = true) HttpServletRequest request,
                                @Parameter(description = "The session id") String sessionId);
}
