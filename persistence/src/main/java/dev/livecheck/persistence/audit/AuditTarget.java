package dev.livecheck.persistence.audit;

/**
 * What kind of thing an {@link AuditEvent}'s {@code targetId} names; the name is what {@code audit_event.target_type}
 * stores ({@link AuditLog#redactSessionDetails} reads {@code 'SESSION'}), so a constant is never renamed.
 */
public enum AuditTarget {
    BUSINESS,
    USER,
    PROFILE,
    API_APPLICATION,
    SESSION,
    MEDIA,
    EMAIL,
    NOTIFICATION,
    /** The installation's metrics endpoint (its scrape token). */
    METRICS
}
