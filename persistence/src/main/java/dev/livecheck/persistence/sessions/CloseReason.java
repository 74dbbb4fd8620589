package dev.livecheck.persistence.sessions;

/** Why a session left ONGOING. */
public enum CloseReason {
    APPROVED, RETRIES_EXHAUSTED, LINK_EXPIRED, CANCELLED
}
