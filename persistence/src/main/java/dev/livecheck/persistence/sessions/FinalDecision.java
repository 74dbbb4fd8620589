package dev.livecheck.persistence.sessions;

/** The business's own decision on a session, recorded once by a portal user. */
public enum FinalDecision {
    APPROVED, REJECTED
}
