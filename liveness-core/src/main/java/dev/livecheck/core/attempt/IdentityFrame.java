package dev.livecheck.core.attempt;

import org.jspecify.annotations.Nullable;

/**
 * A frame kept so that the judge can ask "is this still the same person?"
 * with a face-recognition embedding: the locked reference, the sharpest start
 * frame, each challenge's strongest frame, and the final frontal frame. Only
 * these few JPEGs are kept, so the embedding runs a handful of times per
 * attempt, not per frame.
 *
 * @param role what moment of the attempt the frame shows
 * @param step the challenge's 1-based step for {@link Role#CHALLENGE_PEAK}, else 0
 * @param index index of the frame in the attempt's observations
 * @param jpeg the frame as the camera sent it
 * @param embedding the unit face embedding, once the engine computed it; null before, or if none could be computed
 */
public record IdentityFrame(Role role, int step, int index, byte[] jpeg, float @Nullable [] embedding) {

    /** Which moment of the attempt a frame shows. */
    public enum Role { REFERENCE, START, CHALLENGE_PEAK, END }

    /** The same frame with its embedding. */
    public IdentityFrame embedded(float[] vector) {
        return new IdentityFrame(role, step, index, jpeg, vector);
    }

    /** A short name for reports: {@code reference}, {@code start}, {@code challenge_2}, {@code end}. */
    public String label() {
        return role == Role.CHALLENGE_PEAK ? "challenge_" + step : role.name().toLowerCase(java.util.Locale.ROOT);
    }
}
