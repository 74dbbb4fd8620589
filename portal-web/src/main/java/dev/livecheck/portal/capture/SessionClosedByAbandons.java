package dev.livecheck.portal.capture;

import java.util.UUID;

/**
 * Published inside the transaction that recorded the abandoned attempt which closed the session (REJECT, reason
 * TOO_MANY_ABANDONED): the session is over like one whose attempts are used up. Listeners run synchronously in that
 * transaction, so what they write (e.g. the SESSION_COMPLETION notification) commits with the closing, or not at all.
 */
public record SessionClosedByAbandons(UUID businessId, UUID sessionId) {
}
