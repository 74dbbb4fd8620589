package dev.livecheck.core.report;

/** What the engine recommends for an attempt. NOT_AVAILABLE: the attempt could not be judged (no usable face). */
public enum Recommendation {
    APPROVE,
    REJECT,
    NOT_AVAILABLE
}
