package dev.livecheck.core.report;

/** Result of one sub-check. INCONCLUSIVE: not enough usable frames to judge. */
public enum CheckOutcome {
    PASS,
    FAIL,
    INCONCLUSIVE
}
