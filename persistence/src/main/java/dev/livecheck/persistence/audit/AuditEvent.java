package dev.livecheck.persistence.audit;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * Something that happened in a business. {@code actor} is a portal user id, {@link #SYSTEM}, or
 * {@link #APPLICATION_ACTOR_PREFIX} + an API application's id (a request signed by that application); {@code action}
 * is an {@link AuditAction} and {@code targetType} an {@link AuditTarget}, stored by name (the components stay strings
 * so that every stored row reads back). New events are made only by the factories below and appended with
 * {@link AuditLog#insert}.
 */
@Table
public record AuditEvent(@Id UUID id, UUID businessId, String actor, String action, @Nullable String targetType,
                         @Nullable String targetId, @Nullable String details, Instant occurredAt) {

    public static final String SYSTEM = "system";
    /** Actor prefix of actions an API application took through the session API ({@link #byApplication}). */
    public static final String APPLICATION_ACTOR_PREFIX = "application:";
    /** Longer details are cut to this ({@code audit_event.details VARCHAR(1000)}). */
    public static final int MAX_DETAILS_LENGTH = 1000;

    public AuditEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(businessId, "businessId");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(occurredAt, "occurredAt");
        if (details != null && details.length() > MAX_DETAILS_LENGTH) {
            details = details.substring(0, MAX_DETAILS_LENGTH);
        }
    }

    /** An action of a signed-in portal user. */
    public static AuditEvent byUser(UUID businessId, UUID userId, AuditAction action, @Nullable AuditTarget target,
                                    @Nullable String targetId, @Nullable String details, Instant at) {
        return byActor(businessId, userId.toString(), action, target, targetId, details, at);
    }

    /** An action requested by an API application's signed request. */
    public static AuditEvent byApplication(UUID businessId, UUID applicationId, AuditAction action,
                                           @Nullable AuditTarget target,
                                           @Nullable String targetId, @Nullable String details, Instant at) {
        return byActor(businessId, applicationActor(applicationId), action, target, targetId, details, at);
    }

    /** An action the portal took by itself (a scheduled job, a sender, a capture socket). */
    public static AuditEvent bySystem(UUID businessId, AuditAction action, @Nullable AuditTarget target,
                                      @Nullable String targetId, @Nullable String details, Instant at) {
        return byActor(businessId, SYSTEM, action, target, targetId, details, at);
    }

    /**
     * An action of an actor already spelled as stored (a user id, {@link #SYSTEM} or {@link #applicationActor}), for
     * code that serves both portal users and API applications.
     */
    public static AuditEvent byActor(UUID businessId, String actor, AuditAction action, @Nullable AuditTarget target,
                                     @Nullable String targetId, @Nullable String details, Instant at) {
        return new AuditEvent(UUID.randomUUID(), businessId, actor, action.name(),
                target == null ? null : target.name(), targetId, details, at);
    }

    /** The {@code actor} value of an API application. */
    public static String applicationActor(UUID applicationId) {
        return APPLICATION_ACTOR_PREFIX + applicationId;
    }
}
