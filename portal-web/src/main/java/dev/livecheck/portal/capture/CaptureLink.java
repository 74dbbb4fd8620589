package dev.livecheck.portal.capture;

import dev.livecheck.persistence.profiles.CheckProfile;
import dev.livecheck.persistence.sessions.CloseReason;
import dev.livecheck.persistence.sessions.SessionState;
import dev.livecheck.persistence.sessions.VerificationSession;
import java.time.Instant;

/** A capture link that matched a session, with the session's profile. */
record CaptureLink(VerificationSession session, CheckProfile profile) {

    /** Why a link no longer opens the capture page; the page tells the person in these terms. */
    enum Closed { APPROVED, NO_ATTEMPTS_LEFT, EXPIRED, CANCELLED }

    boolean isOpenAt(Instant now) {
        return session.acceptsAttemptsAt(now);
    }

    /** Only meaningful when {@link #isOpenAt} is false. */
    Closed closedReasonAt(Instant now) {
        if (session.state() == SessionState.ONGOING) {
            // The expiry sweep may not have run yet, or (never in practice) the counters say "used up".
            return session.expiresAt().isAfter(now) ? Closed.NO_ATTEMPTS_LEFT : Closed.EXPIRED;
        }
        CloseReason reason = session.closeReason();
        if (reason == null) {
            return session.state() == SessionState.EXPIRED ? Closed.EXPIRED : Closed.NO_ATTEMPTS_LEFT;
        }
        return switch (reason) {
            case APPROVED -> Closed.APPROVED;
            case RETRIES_EXHAUSTED, TOO_MANY_ABANDONED -> Closed.NO_ATTEMPTS_LEFT;
            case LINK_EXPIRED -> Closed.EXPIRED;
            case CANCELLED -> Closed.CANCELLED;
        };
    }
}
