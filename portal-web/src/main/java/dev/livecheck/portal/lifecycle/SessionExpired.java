package dev.livecheck.portal.lifecycle;

import java.util.UUID;

/**
 * Published inside the transaction that expired a session created through the API (its token ran out); listeners
 * run synchronously in it. Portal sessions expire in bulk and publish nothing: nobody is notified about them.
 */
public record SessionExpired(UUID businessId, UUID sessionId) {
}
