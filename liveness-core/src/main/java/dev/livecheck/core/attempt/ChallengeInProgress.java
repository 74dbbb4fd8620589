package dev.livecheck.core.attempt;

/**
 * The state of the one challenge being asked: when it was issued, whether the face came back to frontal first, the
 * current hold of the action, its strongest frame so far, and another action that may be under way instead. A new
 * challenge is a new instance, so nothing of the previous one can leak into it. Not thread-safe, like its attempt.
 */
final class ChallengeInProgress {

    /** 0-based position in the sequence. */
    private final int step;
    private final Challenge asked;
    private final long issuedAt;
    /** The first challenge starts from the lock's frontal face; later ones wait for the face to come back first. */
    private boolean backToFrontal;
    private long holdSince = -1;
    private double peakProgress = Double.NEGATIVE_INFINITY;
    private int peakIndex = -1;
    private byte[] peakJpeg;
    private final SustainedAction wrongAction = new SustainedAction();

    ChallengeInProgress(int step, Challenge asked, long issuedAt) {
        this.step = step;
        this.asked = asked;
        this.issuedAt = issuedAt;
        this.backToFrontal = step == 0;
    }

    int step() {
        return step;
    }

    Challenge asked() {
        return asked;
    }

    long issuedAt() {
        return issuedAt;
    }

    boolean backToFrontal() {
        return backToFrontal;
    }

    void cameBackToFrontal(boolean frontal) {
        backToFrontal = frontal;
    }

    /** Keeps the frame with the strongest progress toward the asked action (a challenge's identity frame). */
    void offer(int index, double progress, byte[] jpeg) {
        if (progress > peakProgress) {
            peakProgress = progress;
            peakIndex = index;
            peakJpeg = jpeg;
        }
    }

    void breakHold() {
        holdSince = -1;
    }

    /** The action is performed at {@code now}: true once it has been held for {@code holdMillis}. */
    boolean heldAt(long now, long holdMillis) {
        if (holdSince < 0) {
            holdSince = now;
        }
        return now - holdSince >= holdMillis;
    }

    /**
     * Another action ({@code strongest}, null if none) seen at {@code now}: true once the same one has gone on for
     * {@code wrongActionMillis}.
     */
    boolean wrongActionFor(Challenge strongest, long now, long wrongActionMillis) {
        return wrongAction.heldFor(strongest, now, wrongActionMillis);
    }

    /** The strongest frame, if any frame with progress was seen. */
    IdentityFrame peakFrame() {
        return peakIndex < 0 ? null
                : new IdentityFrame(IdentityFrame.Role.CHALLENGE_PEAK, step + 1, peakIndex, peakJpeg, null);
    }

    /** @param passedAt when the hold completed, or -1 if the challenge was not passed */
    ChallengeTrace trace(long passedAt) {
        return new ChallengeTrace(asked, step + 1, issuedAt, passedAt, peakIndex < 0 ? 0 : peakProgress, peakIndex,
                passedAt < 0 ? wrongAction.candidate() : null);
    }
}
