package dev.livecheck.persistence.attempts;

import java.util.UUID;

/** The session cannot take another attempt (unknown in this business, not ONGOING, or max_retries reached). */
public class AttemptRefusedException extends IllegalStateException {
    public AttemptRefusedException(UUID sessionId, String why) {
        super("attempt refused for session " + sessionId + ": " + why);
    }
}
