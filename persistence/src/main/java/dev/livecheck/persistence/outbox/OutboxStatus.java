package dev.livecheck.persistence.outbox;

/** Delivery state of an outbox e-mail. */
public enum OutboxStatus {
    PENDING, SENT, FAILED
}
