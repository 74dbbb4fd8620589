package dev.livecheck.portal.sessions;

import dev.livecheck.persistence.audit.AuditAction;
import dev.livecheck.persistence.audit.AuditEvent;
import dev.livecheck.persistence.audit.AuditLog;
import dev.livecheck.persistence.audit.AuditTarget;
import dev.livecheck.persistence.outbox.Outbox;
import dev.livecheck.persistence.sessions.VerificationSessions;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deletes a session with its attempts and images (the schema cascades) and its e-mails, and audits it in the same
 * transaction: for the portal's delete button and for the session API's {@code DELETE /sessions/{id}}.
 */
@Service
public class SessionDeletion {
    private final VerificationSessions sessions;
    private final Outbox outbox;
    private final AuditLog audit;

    SessionDeletion(VerificationSessions sessions, Outbox outbox, AuditLog audit) {
        this.sessions = sessions;
        this.outbox = outbox;
        this.audit = audit;
    }

    /**
     * The audit event keeps the tracking id so the business can still match the deletion to its own records, but
     * not the recipient's name or e-mail: deleting is how personal data is removed.
     *
     * @return false when the session is not in this business (or was deleted meanwhile)
     */
    @Transactional
    boolean delete(UUID businessId, UUID sessionId, UUID userId, Instant now) {
        return delete(businessId, sessionId, details -> AuditEvent.byUser(businessId, userId,
                AuditAction.SESSION_DELETED, AuditTarget.SESSION, sessionId.toString(), details, now));
    }

    /** The same, asked for by an API application's signed request (audited with the application as actor). */
    @Transactional
    public boolean deleteForApplication(UUID businessId, UUID sessionId, UUID applicationId, Instant now) {
        return delete(businessId, sessionId, details -> AuditEvent.byApplication(businessId, applicationId,
                AuditAction.SESSION_DELETED, AuditTarget.SESSION, sessionId.toString(), details, now));
    }

    /**
     * A session record past its profile's record retention (lifecycle job): deleted like the others, and the details
     * of its audit events dropped, so the log keeps only ids of it (who, what, when), no tracking id or other text.
     */
    @Transactional
    public boolean deleteAfterRetention(UUID businessId, UUID sessionId, int retentionDays, Instant now) {
        return sessions.findByBusinessIdAndId(businessId, sessionId).map(s -> {
            outbox.deleteByBusinessIdAndSessionId(businessId, sessionId);
            if (sessions.deleteByBusinessIdAndId(businessId, sessionId) != 1) {
                return false;
            }
            audit.redactSessionDetails(businessId, sessionId.toString());
            audit.insert(AuditEvent.bySystem(businessId, AuditAction.SESSION_EXPIRED_DELETED, AuditTarget.SESSION,
                    sessionId.toString(), "record retention " + retentionDays + " days", now));
            return true;
        }).orElse(false);
    }

    private boolean delete(UUID businessId, UUID sessionId, Function<String, AuditEvent> auditEvent) {
        return sessions.findByBusinessIdAndId(businessId, sessionId).map(s -> {
            outbox.deleteByBusinessIdAndSessionId(businessId, sessionId);
            if (sessions.deleteByBusinessIdAndId(businessId, sessionId) != 1) {
                return false;
            }
            audit.insert(auditEvent.apply("tracking id " + (s.trackingId() == null ? "-" : s.trackingId())
                    + ", " + s.attemptsUsed() + " attempts"));
            return true;
        }).orElse(false);
    }
}
