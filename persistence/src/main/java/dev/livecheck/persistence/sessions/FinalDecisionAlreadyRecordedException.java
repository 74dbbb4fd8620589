package dev.livecheck.persistence.sessions;

import java.util.UUID;

/** The session already carries a final decision; it is immutable. */
public class FinalDecisionAlreadyRecordedException extends IllegalStateException {
    public FinalDecisionAlreadyRecordedException(UUID sessionId) {
        super("final decision of session " + sessionId + " is already recorded");
    }
}
