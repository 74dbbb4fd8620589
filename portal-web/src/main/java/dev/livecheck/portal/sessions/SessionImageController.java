package dev.livecheck.portal.sessions;

import dev.livecheck.persistence.attempts.Attempts;
import dev.livecheck.persistence.attempts.MediaContent;
import dev.livecheck.persistence.attempts.MediaFiles;
import dev.livecheck.persistence.attempts.MediaRole;
import dev.livecheck.portal.security.PortalPrincipal;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Serves an attempt's image to the report page. Faces are personal data: never cached by the browser or a proxy, and
 * answered with 404 alike when purged, foreign or unknown, so nothing tells which.
 */
@Controller
class SessionImageController {
    private final Attempts attempts;
    private final MediaFiles media;

    SessionImageController(Attempts attempts, MediaFiles media) {
        this.attempts = attempts;
        this.media = media;
    }

    @GetMapping("/sessions/{sessionId}/attempts/{attemptId}/images/{role}")
    ResponseEntity<byte[]> image(@AuthenticationPrincipal PortalPrincipal principal, @PathVariable UUID sessionId,
                                 @PathVariable UUID attemptId, @PathVariable String role) {
        MediaRole mediaRole = Arrays.stream(MediaRole.values()).filter(r -> r.name().equalsIgnoreCase(role))
                .findFirst().orElseThrow(SessionReportController::notFound);
        // The attempt must belong to the session in the URL, so a URL cannot mix one session with another's attempt.
        attempts.findByBusinessIdAndId(principal.businessId(), attemptId)
                .filter(a -> a.sessionId().equals(sessionId))
                .orElseThrow(SessionReportController::notFound);
        MediaContent content = media.findContent(principal.businessId(), attemptId, mediaRole)
                .orElseThrow(SessionReportController::notFound);
        return ResponseEntity.ok()
                .contentType(ImageTypes.servable(content.contentType()))
                .cacheControl(CacheControl.noStore().cachePrivate())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(attemptId + "-" + mediaRole.name().toLowerCase(Locale.ROOT) + extension(content.contentType()))
                        .build().toString())
                .body(content.bytes());
    }

    private static String extension(String contentType) {
        return "image/png".equals(contentType) ? ".png" : ".jpg";
    }
}
