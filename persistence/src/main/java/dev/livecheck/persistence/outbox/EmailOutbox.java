package dev.livecheck.persistence.outbox;

import dev.livecheck.persistence.support.EmailAddresses;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** One e-mail waiting to be sent (or sent, or given up). {@code sessionId} is null for e-mails about no session. */
@Table
public record EmailOutbox(@Id UUID id, UUID businessId, @Nullable UUID sessionId, String toAddress, String subject,
                          String bodyText, @Nullable String bodyHtml, OutboxStatus status, int attemptCount,
                          Instant nextAttemptAt, @Nullable String lastError, Instant createdAt,
                          @Nullable Instant sentAt, @Nullable String claimedBy, @Nullable Instant claimedUntil,
                          @Version @Nullable Long version) {

    public EmailOutbox {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(businessId, "businessId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
        Objects.requireNonNull(createdAt, "createdAt");
        // the constructor also reads rows back: only the stored shape here, the full rule in pending(...)/failed(...)
        if (!EmailAddresses.isStorable(toAddress)) {
            throw new IllegalArgumentException("the recipient is not an e-mail address: " + toAddress);
        }
        if (subject == null || subject.isBlank() || bodyText == null) {
            throw new IllegalArgumentException("subject and text body are required");
        }
    }

    /** A new PENDING e-mail, due now. */
    public static EmailOutbox pending(UUID businessId, UUID sessionId, String toAddress, String subject, String bodyText,
                                      String bodyHtml, Instant now) {
        return new EmailOutbox(UUID.randomUUID(), businessId, sessionId,
                EmailAddresses.require(toAddress, "the recipient"), subject, bodyText, bodyHtml, OutboxStatus.PENDING,
                0, now, null, now, null, null, null, null);
    }

    /**
     * An e-mail that could not be rendered or sealed: stored FAILED with the reason, so the outbox page lists it and
     * the sender never tries it (an admin may re-queue it once the cause, e.g. the profile's template, is fixed).
     */
    public static EmailOutbox failed(UUID businessId, UUID sessionId, String toAddress, String subject,
                                     String bodyText, String bodyHtml, String reason, Instant now) {
        return new EmailOutbox(UUID.randomUUID(), businessId, sessionId, toAddress, subject, bodyText, bodyHtml,
                OutboxStatus.FAILED, 0, now, reason, now, null, null, null, null);
    }
}
