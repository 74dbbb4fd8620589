package dev.livecheck.portal.sessions.report;

import dev.livecheck.portal.security.PortalPrincipal;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The session page's downloads: the report as PDF ({@code ?images=false} leaves the images out) and the evidence
 * bundle. Any portal role may download what it may read on the page; another business's session is 404. Faces are
 * personal data: the answers are never cached.
 */
@Controller
class SessionReportDownloadController {
    private final SessionReportPdfs pdfs;
    private final EvidenceBundle evidence;

    SessionReportDownloadController(SessionReportPdfs pdfs, EvidenceBundle evidence) {
        this.pdfs = pdfs;
        this.evidence = evidence;
    }

    @GetMapping("/sessions/{id}/report.pdf")
    ResponseEntity<byte[]> pdf(@AuthenticationPrincipal PortalPrincipal principal, @PathVariable UUID id,
                               @RequestParam(defaultValue = "true") String images, Locale locale) {
        boolean withImages = imagesParam(images);
        byte[] pdf = pdfs.pdf(principal.businessId(), id, withImages, locale, principal.userId().toString())
                .orElseThrow(SessionReportDownloadController::notFound);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .cacheControl(CacheControl.noStore().cachePrivate())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(SessionReportPdfs.fileName(id, withImages)).build().toString())
                .body(pdf);
    }

    /** Streams the ZIP: the response is written while the files are read, never assembled in memory first. */
    @GetMapping("/sessions/{id}/evidence.zip")
    void evidence(@AuthenticationPrincipal PortalPrincipal principal, @PathVariable UUID id, Locale locale,
                  HttpServletResponse response) throws IOException {
        EvidenceBundle.Prepared prepared = evidence.prepare(principal.businessId(), id, locale,
                principal.userId().toString()).orElseThrow(SessionReportDownloadController::notFound);
        response.setContentType("application/zip");
        response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().cachePrivate().getHeaderValue());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(EvidenceBundle.fileName(id)).build().toString());
        evidence.writeTo(prepared, response.getOutputStream());
        response.flushBuffer();
    }

    @ExceptionHandler(ReportBusyException.class)
    ResponseEntity<String> busy(ReportBusyException e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Integer.toString(ReportBusyException.RETRY_AFTER_SECONDS))
                .contentType(MediaType.TEXT_PLAIN).body(e.getMessage());
    }

    /** Only "true" and "false": anything else is a client mistake worth telling, not a silent default. */
    static boolean imagesParam(String images) {
        return switch (images) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "images must be true or false");
        };
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
}
