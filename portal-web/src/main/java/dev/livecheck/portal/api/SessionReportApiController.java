package dev.livecheck.portal.api;

import dev.livecheck.persistence.audit.AuditEvent;
import dev.livecheck.portal.sessions.report.SessionReportPdfs;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /sessions/{id}/report.pdf[?images=false]}: the portal's session report as PDF, for the sessions this
 * application may read (like {@code GET /sessions/{id}}; 404 otherwise), rendered in English and audited with the
 * application as actor. Signed like every request (the query, {@code images} included, is part of the signature).
 */
@RestController
@RequestMapping(ApiAuthenticationFilter.BASE_PATH + "/sessions/{sessionId}")
class SessionReportApiController implements SessionReportDocs {

    private final ApiSessions sessions;
    private final SessionReportPdfs pdfs;

    SessionReportApiController(ApiSessions sessions, SessionReportPdfs pdfs) {
        this.sessions = sessions;
        this.pdfs = pdfs;
    }

    /** The SDK sends {@code Accept: application/json} everywhere: the preset content type answers it regardless. */
    @Override
    @GetMapping("/report.pdf")
    public ResponseEntity<byte[]> report(HttpServletRequest request, @PathVariable String sessionId,
                                         @RequestParam(defaultValue = "true") String images) {
        ApiCaller caller = ApiCaller.from(request);
        UUID id = ApiIds.parse(sessionId, ApiException::sessionNotFound);
        boolean withImages = switch (images) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ApiException.invalid(List.of(new ApiError.FieldError("images",
                    "must be true or false")));
        };
        sessions.find(caller, id).orElseThrow(ApiException::sessionNotFound);
        byte[] pdf = pdfs.pdf(caller.businessId(), id, withImages, Locale.ENGLISH,
                AuditEvent.applicationActor(caller.applicationId())).orElseThrow(ApiException::sessionNotFound);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .cacheControl(CacheControl.noStore().cachePrivate())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(SessionReportPdfs.fileName(id, withImages)).build().toString())
                .body(pdf);
    }
}
