package dev.livecheck.persistence.profiles;

/** How liveness is checked. */
public enum LivenessType {
    /** Challenge-response: the user follows random head-movement challenges. */
    ACTIVE,
    /** Reserved: no challenges, a short frontal capture only. Not implemented yet. */
    PASSIVE
}
