package dev.livecheck.persistence.audit;

/**
 * What an {@link AuditEvent} records: the one vocabulary of audit actions. The name is what {@code audit_event.action}
 * stores and the audit page shows, so a constant is never renamed (existing rows keep the old name).
 */
public enum AuditAction {
    // Set-up and users
    BUSINESS_CREATED,
    USER_CREATED,
    USER_UPDATED,
    USER_DELETED,
    // Sign-in and the account
    LOGIN_SUCCEEDED,
    LOGIN_FAILED,
    ACCOUNT_LOCKED,
    /** Failed sign-ins for an account (or from an address, on the account tried) now wait before the next try. */
    LOGIN_THROTTLED,
    /** A wrong metrics scrape token from an address (recorded once per address and minute, in every business). */
    METRICS_TOKEN_FAILED,
    PASSWORD_CHANGED,
    TOTP_ENABLED,
    TOTP_DISABLED,
    TOTP_FAILED,
    RECOVERY_CODE_USED,
    // Check profiles and API applications
    PROFILE_CREATED,
    PROFILE_UPDATED,
    PROFILE_ARCHIVED,
    APPLICATION_CREATED,
    APPLICATION_REVOKED,
    // Sessions
    SESSION_CREATED,
    /** A new capture link e-mailed for a portal session (the old one stops working). */
    SESSION_LINK_RESENT,
    SESSION_CANCELLED,
    SESSION_DELETED,
    /** A session record (with attempts, images, e-mails, deliveries) deleted after its profile's record retention. */
    SESSION_EXPIRED_DELETED,
    FINAL_DECISION_RECORDED,
    /** An attempt abandoned after a challenge was issued (cancel, socket closed); counted against the session's cap. */
    ATTEMPT_ABANDONED,
    MEDIA_PURGED,
    // Downloads
    EXPORT_DOWNLOADED,
    /** A session's report rendered as PDF (portal or API); details say whether with images. */
    REPORT_PDF_GENERATED,
    /** A session's evidence bundle (ZIP) downloaded. */
    EVIDENCE_DOWNLOADED,
    // Delivery
    EMAIL_FAILED,
    /** A notification delivery given up after its last try. */
    NOTIFICATION_FAILED,
    /** A failed notification delivery queued again by an admin. */
    NOTIFICATION_REQUEUED
}
