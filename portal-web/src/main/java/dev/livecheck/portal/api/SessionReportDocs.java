package dev.livecheck.portal.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;

/** The OpenAPI description of {@link SessionReportApiController}. */
@Tag(name = "Report", description = "The session report as PDF (a Livecheck extension of the IDV API)")
interface SessionReportDocs {

    @Operation(summary = "The session report as PDF", description = "The portal's report of the session: ids, "
            + "settings, every attempt with recommendation, reason in plain words, sub-checks and (unless "
            + "images=false) its three images, the final decision and the audit trail; in English. Audited")
    @ApiResponse(responseCode = "200", description = "The PDF", content = @Content(mediaType = "application/pdf",
            schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(responseCode = "400", description = "INVALID_REQUEST: images is neither true nor false",
            content = @Content(mediaType = SessionApiDocs.JSON, schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "404", description = "SESSION_NOT_FOUND", content = @Content(
            mediaType = SessionApiDocs.JSON, schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "503", description = "SERVICE_BUSY: every render slot is taken; see Retry-After",
            content = @Content(mediaType = SessionApiDocs.JSON, schema = @Schema(implementation = ApiError.class)))
    ResponseEntity<byte[]> report(@Parameter(hidden = true) HttpServletRequest request,
                                  @Parameter(description = "The session id") String sessionId,
                                  @Parameter(description = "false leaves the images out (default true)") String images);
}
