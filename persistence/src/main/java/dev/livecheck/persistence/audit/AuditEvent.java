package dev.livecheck.persistence.audit;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * Something that happened in a business. {@code actor} is a portal user id, {@link #SYSTEM}, or
 * {@link #APPLICATION_ACTOR_PREFIX} + an API application's id (a request signed by that application); {@code action}
 * is one of the constants below (free text is allowed for new ones, at most 64 characters).
 */
@Table
public record AuditEvent(@Id UUID id, UUID businessId, String actor, String action, String targetType,
                         String targetId, String details, Instant occurredAt) {

    public static final String SYSTEM = "system";
    /** Actor prefix of actions an API application took through the session API ({@link #byApplication}). */
    public static final String APPLICATION_ACTOR_PREFIX = "application:";

    public static final String SESSION_CREATED = "SESSION_CREATED";
    public static final String SESSION_CANCELLED = "SESSION_CANCELLED";
    public static final String SESSION_DELETED = "SESSION_DELETED";
    public static final String FINAL_DECISION_RECORDED = "FINAL_DECISION_RECORDED";
    public static final String PROFILE_CREATED = "PROFILE_CREATED";
    public static final String PROFILE_UPDATED = "PROFILE_UPDATED";
    public static final String PROFILE_ARCHIVED = "PROFILE_ARCHIVED";
    public static final String USER_CREATED = "USER_CREATED";
    public static final String USER_UPDATED = "USER_UPDATED";
    public static final String LOGIN_SUCCEEDED = "LOGIN_SUCCEEDED";
    public static final String LOGIN_FAILED = "LOGIN_FAILED";
    public static final String ACCOUNT_LOCKED = "ACCOUNT_LOCKED";
    /** Failed sign-ins for an account (or from an address, on the account tried) now wait before the next try. */
    public static final String LOGIN_THROTTLED = "LOGIN_THROTTLED";
    public static final String PASSWORD_CHANGED = "PASSWORD_CHANGED";
    public static final String TOTP_ENABLED = "TOTP_ENABLED";
    public static final String TOTP_DISABLED = "TOTP_DISABLED";
    public static final String TOTP_FAILED = "TOTP_FAILED";
    public static final String RECOVERY_CODE_USED = "RECOVERY_CODE_USED";
    /** A session record (with attempts, images, e-mails, deliveries) deleted after its profile's record retention. */
    public static final String SESSION_EXPIRED_DELETED = "SESSION_EXPIRED_DELETED";
    public static final String EMAIL_FAILED = "EMAIL_FAILED";
    public static final String MEDIA_PURGED = "MEDIA_PURGED";
    public static final String EXPORT_DOWNLOADED = "EXPORT_DOWNLOADED";
    /** A session's report rendered as PDF (portal or API); details say whether with images. */
    public static final String REPORT_PDF_GENERATED = "REPORT_PDF_GENERATED";
    /** A session's evidence bundle (ZIP) downloaded. */
    public static final String EVIDENCE_DOWNLOADED = "EVIDENCE_DOWNLOADED";
    public static final String APPLICATION_CREATED = "APPLICATION_CREATED";
    public static final String APPLICATION_REVOKED = "APPLICATION_REVOKED";
    /** An attempt abandoned after a challenge was issued (cancel, socket closed); counted against the session's cap. */
    public static final String ATTEMPT_ABANDONED = "ATTEMPT_ABANDONED";

    public AuditEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(businessId, "businessId");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(occurredAt, "occurredAt");
        if (details != null && details.length() > 1000) {
            details = details.substring(0, 1000);
        }
    }

    public static AuditEvent byUser(UUID businessId, UUID userId, String action, String targetType, String targetId,
                                    String details, Instant at) {
        return new AuditEvent(UUID.randomUUID(), businessId, userId.toString(), action, targetType, targetId, details, at);
    }

    /** An action requested by an API application's signed request. */
    public static AuditEvent byApplication(UUID businessId, UUID applicationId, String action, String targetType,
                                           String targetId, String details, Instant at) {
        return new AuditEvent(UUID.randomUUID(), businessId, applicationActor(applicationId), action, targetType,
                targetId, details, at);
    }

    /** The {@code actor} value of an API application. */
    public static String applicationActor(UUID applicationId) {
        return APPLICATION_ACTOR_PREFIX + applicationId;
    }

    public static AuditEvent bySystem(UUID businessId, String action, String targetType, String targetId,
                                      String details, Instant at) {
        return new AuditEvent(UUID.randomUUID(), businessId, SYSTEM, action, targetType, targetId, details, at);
    }
}
