package dev.livecheck.core.attempt;

/**
 * How one challenge went.
 *
 * @param step 1-based position in the attempt
 * @param issuedAt timestamp when it was asked for, or -1 if never reached
 * @param passedAt timestamp when the hold completed, or -1
 * @param peakProgress largest progress seen (1.0 = threshold reached; e.g. 2.0 = twice the threshold)
 * @param peakIndex observation index of the strongest frame, or -1
 * @param wrongAction another challenge's action performed instead, or null
 */
public record ChallengeTrace(
        Challenge challenge,
        int step,
        long issuedAt,
        long passedAt,
        double peakProgress,
        int peakIndex,
        Challenge wrongAction) {

    public boolean passed() {
        return passedAt >= 0;
    }

    /** Milliseconds from being asked to being done, or -1. */
    public long responseMillis() {
        return passed() ? passedAt - issuedAt : -1;
    }
}
