package dev.livecheck.portal.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;

/** The OpenAPI description of {@link SessionMediaController}. */
@Tag(name = "Media", description = "The images of a session's attempts")
interface SessionMediaDocs {

    @Operation(summary = "An image's bytes", description = "As image/jpeg (or the stored raster type); 404 once "
            + "deleted, past resources_ttl or the profile's retention")
    @ApiResponse(responseCode = "200", description = "The image", content = @Content(mediaType = "image/jpeg",
            schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(responseCode = "404", description = "MEDIA_NOT_FOUND", content = @Content(
            mediaType = SessionApiDocs.JSON, schema = @Schema(implementation = ApiError.class)))
    ResponseEntity<byte[]> content(@Parameter(hidden = true) HttpServletRequest request,
                                   @Parameter(description = "The session id") String sessionId,
                                   @Parameter(description = "A media id from frames[].media.id") String mediaId);

    @Operation(summary = "Delete an image's content", description = "Also as DELETE …/media/{mediaId}/content (the "
            + "SDK's deleteMediaContent). The metadata stays in the session; audited")
    @ApiResponse(responseCode = "204", description = "Deleted (also when it already was)")
    @ApiResponse(responseCode = "404", description = "MEDIA_NOT_FOUND", content = @Content(
            mediaType = SessionApiDocs.JSON, schema = @Schema(implementation = ApiError.class)))
    ResponseEntity<Void> delete(@Parameter(hidden = true) HttpServletRequest request,
                                @Parameter(description = "The session id") String sessionId,
                                @Parameter(description = "A media id from frames[].media.id") String mediaId);
}
