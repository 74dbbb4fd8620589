package dev.livecheck.persistence.notifications;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One notification to send (or sent, or given up): the {@code payload} JSON to POST to {@code endpoint}. The session's
 * auth token and the application's signing secret are read, sealed, at send time, never copied here.
 */
@Table
public record NotificationDelivery(@Id UUID id, UUID businessId, UUID sessionId, UUID applicationId,
                                   NotificationTopic topic, String endpoint, String payload, DeliveryStatus status,
                                   int attemptCount, Instant nextAttemptAt, @Nullable Integer lastStatusCode,
                                   @Nullable String lastError, Instant createdAt, @Nullable Instant sentAt,
                                   @Nullable String claimedBy, @Nullable Instant claimedUntil,
                                   @Version @Nullable Long version) {

    public static final int MAX_ENDPOINT_LENGTH = 2000;
    public static final int MAX_ERROR_LENGTH = 1000;

    public NotificationDelivery {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(businessId, "businessId");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(applicationId, "applicationId");
        Objects.requireNonNull(topic, "topic");
        if (!NotificationTopic.delivered().contains(topic)) {
            throw new IllegalArgumentException(topic + " is never delivered");
        }
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
        Objects.requireNonNull(createdAt, "createdAt");
        if (endpoint == null || endpoint.isBlank() || endpoint.length() > MAX_ENDPOINT_LENGTH) {
            throw new IllegalArgumentException("endpoint must be 1-" + MAX_ENDPOINT_LENGTH + " characters");
        }
        if (payload == null || payload.isBlank()) {
            throw new IllegalArgumentException("payload is required");
        }
    }

    /**
     * A new PENDING delivery of {@code {"session_id","topic"}}, due at {@code dueAt}. Both values are a UUID and an
     * enum name, so the JSON needs no escaping.
     */
    public static NotificationDelivery pending(UUID businessId, UUID sessionId, UUID applicationId,
                                               NotificationTopic topic, String endpoint, Instant dueAt) {
        String payload = "{\"session_id\":\"" + sessionId + "\",\"topic\":\"" + topic.name() + "\"}";
        return new NotificationDelivery(UUID.randomUUID(), businessId, sessionId, applicationId, topic, endpoint,
                payload, DeliveryStatus.PENDING, 0, dueAt, null, null, dueAt, null, null, null, null);
    }

    /** Cuts an error text to what the table keeps. */
    public static String abbreviate(@Nullable String error) {
        String text = error == null || error.isBlank() ? "unknown error" : error;
        return text.length() > MAX_ERROR_LENGTH ? text.substring(0, MAX_ERROR_LENGTH) : text;
    }
}
