package dev.livecheck.portal.api;

import dev.livecheck.persistence.attempts.MediaContent;
import dev.livecheck.portal.sessions.ImageTypes;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An attempt's images through the API: the bytes with their content type, and deleting them. Faces are personal
 * data: never cached, and 404 alike for unknown, foreign and deleted images.
 */
@RestController
@RequestMapping(ApiAuthenticationFilter.BASE_PATH + "/sessions/{sessionId}/media/{mediaId}")
class SessionMediaController implements SessionMediaDocs {

    private final ApiSessions sessions;
    private final Clock clock;

    SessionMediaController(ApiSessions sessions, Clock clock) {
        this.sessions = sessions;
        this.clock = clock;
    }

    /** The SDK sends {@code Accept: application/json} here too: the preset content type answers it regardless. */
    @Override
    @GetMapping("/content")
    public ResponseEntity<byte[]> content(HttpServletRequest request, @PathVariable String sessionId,
                                          @PathVariable String mediaId) {
        MediaContent content = sessions.content(ApiCaller.from(request), sessionIdOf(sessionId), mediaIdOf(mediaId),
                clock.instant()).orElseThrow(ApiException::mediaNotFound);
        return ResponseEntity.ok().contentType(ImageTypes.servable(content.contentType()))
                .cacheControl(CacheControl.noStore().cachePrivate())
                .body(content.bytes());
    }

    /** Both paths delete the content: the SDK's deleteMediaContent uses {@code /content}. */
    @Override
    @DeleteMapping({"", "/content"})
    public ResponseEntity<Void> delete(HttpServletRequest request, @PathVariable String sessionId,
                                       @PathVariable String mediaId) {
        if (!sessions.deleteContent(ApiCaller.from(request), sessionIdOf(sessionId), mediaIdOf(mediaId),
                clock.instant())) {
            throw ApiException.mediaNotFound();
        }
        return ResponseEntity.noContent().build();
    }

    /** Media endpoints answer MEDIA_NOT_FOUND for an unknown session as well: the pair is what is not found. */
    private static UUID sessionIdOf(String id) {
        return ApiIds.parse(id, ApiException::mediaNotFound);
    }

    private static UUID mediaIdOf(String id) {
        return ApiIds.parse(id, ApiException::mediaNotFound);
    }
}
