package dev.livecheck.portal.sessions;

import java.util.UUID;

/** Published inside the transaction that cancelled an ONGOING session; listeners run synchronously in it. */
public record SessionCancelled(UUID businessId, UUID sessionId) {
}
