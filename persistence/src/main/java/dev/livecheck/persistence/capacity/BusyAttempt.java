package dev.livecheck.persistence.capacity;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * An attempt the server cut short: {@code attemptNumber} is the number it had (and that is offered again),
 * {@code framesReceived} the frames handed to the engine and {@code framesDropped} those it could not analyse in time;
 * {@code machineSaturated} when the whole machine's CPU was saturated while it ran (the cut may then have dropped no
 * frame: the person's frames arrived too late or too sparse).
 */
@Table
public record BusyAttempt(@Id UUID id, UUID businessId, UUID sessionId, int attemptNumber, int framesReceived,
                          int framesDropped, boolean machineSaturated, Instant createdAt) {

    public BusyAttempt {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(businessId, "businessId");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(createdAt, "createdAt");
        if (attemptNumber < 1 || framesDropped < 0 || framesReceived < framesDropped) {
            throw new IllegalArgumentException("attempt number from 1, dropped frames between 0 and received");
        }
    }

    public static BusyAttempt of(UUID businessId, UUID sessionId, int attemptNumber, int framesReceived,
                                 int framesDropped, boolean machineSaturated, Instant at) {
        return new BusyAttempt(UUID.randomUUID(), businessId, sessionId, attemptNumber, framesReceived,
                framesDropped, machineSaturated, at);
    }
}
