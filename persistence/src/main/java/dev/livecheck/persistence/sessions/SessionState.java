package dev.livecheck.persistence.sessions;

/** Lifecycle of a verification session. */
public enum SessionState {
    /** The link works and attempts are left. */
    ONGOING,
    /** Approved, or every allowed attempt used. */
    COMPLETED,
    /** The link expired or was cancelled before completion (see {@link CloseReason}). */
    EXPIRED
}
