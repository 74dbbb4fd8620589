package dev.livecheck.core.report;

/**
 * One of the three images kept per attempt, as the camera sent it.
 *
 * @param role FRONTAL_START, CHALLENGE or FRONTAL_END
 */
public record AttemptImage(Role role, long timestampMillis, byte[] jpeg) {

    /** Which moment of the attempt an image shows. */
    public enum Role { FRONTAL_START, CHALLENGE, FRONTAL_END }
}
