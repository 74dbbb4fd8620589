package dev.livecheck.persistence.sessions;

import java.util.UUID;

/** No session with this id in this business (whether it exists elsewhere is deliberately not told). */
public class SessionNotFoundException extends RuntimeException {
    public SessionNotFoundException(UUID businessId, UUID sessionId) {
        super("no session " + sessionId + " in business " + businessId);
    }
}
