package dev.livecheck.persistence.notifications;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One try of a delivery: {@code statusCode} is the HTTP status of the response, null when none came (endpoint
 * refused before connecting, timeout, connection error); {@code error} says what went wrong, null on success.
 */
@Table
public record NotificationDeliveryTry(@Id UUID id, UUID businessId, UUID deliveryId, Instant triedAt,
                                      @Nullable Integer statusCode, @Nullable String error, long durationMs) {

    public NotificationDeliveryTry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(businessId, "businessId");
        Objects.requireNonNull(deliveryId, "deliveryId");
        Objects.requireNonNull(triedAt, "triedAt");
        if (durationMs < 0) {
            throw new IllegalArgumentException("durationMs must not be negative");
        }
        if (error != null) {
            error = NotificationDelivery.abbreviate(error);
        }
    }

    public static NotificationDeliveryTry of(NotificationDelivery delivery, Instant triedAt,
                                             @Nullable Integer statusCode, @Nullable String error, long durationMs) {
        return new NotificationDeliveryTry(UUID.randomUUID(), delivery.businessId(), delivery.id(), triedAt,
                statusCode, error, durationMs);
    }
}
