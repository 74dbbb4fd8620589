package dev.livecheck.persistence.users;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * Failed sign-ins of one subject: {@code account:<hash of the e-mail>} or {@code address:<client IP>}. Not tenant
 * data: an e-mail that is no account is throttled exactly like one that is.
 *
 * @param blockedUntil the next try is accepted from then on (null: now)
 */
@Table
public record LoginThrottle(@Id String subject, int failures, Instant lastFailureAt, @Nullable Instant blockedUntil) {
    public LoginThrottle {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(lastFailureAt, "lastFailureAt");
        if (subject.length() > 100) {
            throw new IllegalArgumentException("subject longer than 100 characters");
        }
    }

    public boolean blockedAt(Instant now) {
        return blockedUntil != null && blockedUntil.isAfter(now);
    }
}
