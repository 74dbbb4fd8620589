package dev.livecheck.portal.sessions;

import dev.livecheck.persistence.sessions.VerificationSession;
import java.util.List;

/** Everything the session report page shows; instants already formatted for display. */
record SessionReport(VerificationSession session, String profileName, List<AttemptReport> attempts,
                     String createdAt, String expiresAt, String completedAt, String decidedBy, String decidedAt) {

    public boolean decided() {
        return session.finalDecision() != null;
    }
}
