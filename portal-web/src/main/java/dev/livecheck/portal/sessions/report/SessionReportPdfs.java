package dev.livecheck.portal.sessions.report;

import dev.livecheck.persistence.audit.AuditAction;
import dev.livecheck.persistence.audit.AuditEvent;
import dev.livecheck.persistence.audit.AuditLog;
import dev.livecheck.persistence.audit.AuditTarget;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * A session's report as PDF, for the portal's download and the session API's {@code report.pdf}: read within the
 * business, rendered in a render slot, and audited ({@code REPORT_PDF_GENERATED}, by the given actor: a user id or
 * {@link AuditEvent#applicationActor}).
 */
@Service
public class SessionReportPdfs {

    private final SessionDocuments documents;
    private final PdfRenderer renderer;
    private final RenderSlots slots;
    private final AuditLog audit;
    private final Clock clock;

    SessionReportPdfs(SessionDocuments documents, PdfRenderer renderer, RenderSlots slots, AuditLog audit,
                      Clock clock) {
        this.documents = documents;
        this.renderer = renderer;
        this.slots = slots;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * @return the PDF, or empty when the session is not in this business
     * @throws ReportBusyException when no render slot became free in time
     */
    public Optional<byte[]> pdf(UUID businessId, UUID sessionId, boolean images, Locale locale, String actor) {
        return slots.run(() -> documents.load(businessId, sessionId, images).map(doc -> {
            Instant now = clock.instant();
            ByteArrayOutputStream out = new ByteArrayOutputStream(images ? 256 * 1024 : 64 * 1024);
            renderer.render(doc, locale, now, out);
            audit.insert(AuditEvent.byActor(businessId, actor, AuditAction.REPORT_PDF_GENERATED,
                    AuditTarget.SESSION, sessionId.toString(), (images ? "with images" : "without images")
                    + ", data SHA-256 " + doc.dataSha256(), now));
            return out.toByteArray();
        }));
    }

    /** The download's file name: the session id, so several reports never overwrite each other. */
    public static String fileName(UUID sessionId, boolean images) {
        return "livecheck-session-" + sessionId + (images ? "" : "-no-images") + ".pdf";
    }
}
