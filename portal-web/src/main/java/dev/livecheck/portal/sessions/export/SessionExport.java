package dev.livecheck.portal.sessions.export;

import dev.livecheck.persistence.audit.AuditAction;
import dev.livecheck.persistence.audit.AuditEvent;
import dev.livecheck.persistence.audit.AuditLog;
import dev.livecheck.persistence.audit.AuditTarget;
import dev.livecheck.persistence.sessions.SessionFilter;
import dev.livecheck.persistence.sessions.VerificationSession;
import dev.livecheck.persistence.sessions.VerificationSessions;
import dev.livecheck.portal.web.ApiApplicationNames;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;

/**
 * Writes a business's sessions as CSV, one row per session, page by page so a large business never sits in memory.
 * Pages are read in the search's stable order (created desc, id desc); a session created during the export may shift
 * a page boundary and appear twice or not at all, which an export of a moving list accepts.
 */
@Service
class SessionExport {
    static final int PAGE_SIZE = 500;
    static final List<String> HEADER = List.of("id", "recipient_name", "recipient_email", "tracking_id", "state",
            "latest_recommendation", "attempts_used", "max_retries", "created_at", "completed_at", "final_decision",
            "api_application");

    private final VerificationSessions sessions;
    private final AuditLog audit;
    private final ApiApplicationNames applications;

    SessionExport(VerificationSessions sessions, AuditLog audit, ApiApplicationNames applications) {
        this.sessions = sessions;
        this.audit = audit;
        this.applications = applications;
    }

    /**
     * Audits the export (who, which filter, how many rows) before the first byte leaves: a download cut short has
     * still disclosed data.
     *
     * @return the number of sessions written
     */
    long write(UUID businessId, UUID userId, SessionFilter filter, String filterDescription, Instant now, Writer out)
            throws IOException {
        Page<VerificationSession> page = sessions.search(businessId, filter, PageRequest.of(0, PAGE_SIZE));
        audit.insert(AuditEvent.byUser(businessId, userId, AuditAction.EXPORT_DOWNLOADED, AuditTarget.SESSION, null,
                "CSV, " + page.getTotalElements() + " sessions, " + filterDescription, now));
        out.write(CsvCells.line(HEADER));
        Map<UUID, String> applicationNames = applications.namesOf(businessId);
        long written = 0;
        while (true) {
            for (VerificationSession s : page.getContent()) {
                out.write(CsvCells.line(row(s, applicationNames)));
                written++;
            }
            if (!page.hasNext()) {
                return written;
            }
            page = sessions.search(businessId, filter, page.nextPageable());
        }
    }

    /** A session created through the API has no recipient: its cells stay empty and api_application names it. */
    private static List<String> row(VerificationSession s, Map<UUID, String> applicationNames) {
        return Arrays.asList(s.id().toString(), s.recipientName(), s.recipientEmail(), s.trackingId(),
                s.state().name(), name(s.latestRecommendation()), Integer.toString(s.attemptsUsed()),
                Integer.toString(s.maxAttempts()), iso(s.createdAt()), iso(s.completedAt()), name(s.finalDecision()),
                s.createdByApi() ? applicationNames.getOrDefault(s.apiApplicationId(), s.apiApplicationId().toString())
                        : null);
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static String iso(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
