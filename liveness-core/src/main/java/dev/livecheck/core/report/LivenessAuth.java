package dev.livecheck.core.report;

/** The {@code liveness_auth} sub-check as integrators know it: PASS only when the recommendation is APPROVE. */
public enum LivenessAuth {
    PASS,
    FAIL
}
