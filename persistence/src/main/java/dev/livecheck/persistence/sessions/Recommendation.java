package dev.livecheck.persistence.sessions;

/** The engine's recommendation for one attempt (and the latest one on the session). */
public enum Recommendation {
    APPROVE, REJECT, NOT_AVAILABLE
}
