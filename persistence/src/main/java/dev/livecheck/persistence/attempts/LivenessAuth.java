package dev.livecheck.persistence.attempts;

/** The liveness verdict of an attempt as integrators know it. */
public enum LivenessAuth {
    PASS, FAIL
}
