package dev.livecheck.persistence.sessions;

/**
 * Why a session left ONGOING. {@code TOO_MANY_ABANDONED}: more attempts were abandoned after a challenge was issued
 * than the session allows; it closes as REJECT, like {@code RETRIES_EXHAUSTED}.
 */
public enum CloseReason {
    APPROVED, RETRIES_EXHAUSTED, LINK_EXPIRED, CANCELLED, TOO_MANY_ABANDONED
}
