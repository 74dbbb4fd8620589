package dev.livecheck.portal.sessions.export;

import dev.livecheck.portal.security.PortalPrincipal;
import dev.livecheck.portal.sessions.SessionFilterParams;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** CSV download of the sessions matching the session list's filters. */
@Controller
class SessionExportController {
    private final SessionExport export;
    private final Clock clock;

    SessionExportController(SessionExport export, Clock clock) {
        this.export = export;
        this.clock = clock;
    }

    /**
     * Streams straight to the response: rows leave as they are read. UTF-8 with a byte-order mark, because without it
     * spreadsheets on Windows read umlauts in names as Latin-1.
     */
    @GetMapping("/sessions/export.csv")
    void exportCsv(@AuthenticationPrincipal PortalPrincipal principal, SessionFilterParams params,
                   HttpServletResponse response) throws IOException {
        Instant now = clock.instant();
        response.setContentType("text/csv");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("sessions-" + LocalDate.ofInstant(now, clock.getZone()) + ".csv").build().toString());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-store");
        Writer out = response.getWriter();
        out.write('\uFEFF');
        export.write(principal.businessId(), principal.userId(), params.toFilter(clock.getZone()), params.describe(),
                now, out);
        out.flush();
    }
}
