package dev.livecheck.portal.capture;

import java.util.UUID;

/**
 * Published inside the transaction that stored a decided attempt with its three images: listeners run synchronously
 * in that transaction, so whatever they write (e.g. notifications to enqueue) commits or rolls back with the attempt.
 * {@code sessionCompleted}: the attempt ended the session (approved, or its last retry).
 */
public record AttemptStored(UUID businessId, UUID sessionId, UUID attemptId, boolean sessionCompleted) {
}
