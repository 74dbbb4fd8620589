package dev.livecheck.core.attempt;

/**
 * The wait before one challenge of a live attempt is asked: the face must stay frontal for the challenge's random pause
 * without a break. It also follows whether the face is back from the previous challenge yet, and an action performed
 * although nothing is asked. A new wait is a new instance, like {@link ChallengeInProgress}. Not thread-safe, like its
 * attempt.
 */
final class ChallengeWait {

    /** 0-based position of the challenge waited for. */
    private final int step;
    private final long pauseMillis;
    private final long since;
    private boolean back;
    private long frontalSince;
    private final SustainedAction unasked = new SustainedAction();

    /** @param frontalNow the face is frontal at {@code since}: at the lock yes, after a challenge it is coming back */
    ChallengeWait(int step, long pauseMillis, long since, boolean frontalNow) {
        this.step = step;
        this.pauseMillis = pauseMillis;
        this.since = since;
        this.back = frontalNow;
        this.frontalSince = frontalNow ? since : -1;
    }

    int step() {
        return step;
    }

    /** When the wait began: a wait that never settles times out from here. */
    long since() {
        return since;
    }

    /** Whether the face has been frontal since the wait began, given whether it is now. */
    boolean backAfter(boolean frontal) {
        back |= frontal;
        return back;
    }

    /** An action ({@code strongest}, null if none) at {@code now}, nothing asked: true once held for {@code millis}. */
    boolean unaskedActionFor(Challenge strongest, long now, long millis) {
        return unasked.heldFor(strongest, now, millis);
    }

    /** The face frontal or not at {@code now}: true once it has been frontal for the pause without a break. */
    boolean dueAt(boolean frontal, long now) {
        if (!frontal) {
            frontalSince = -1;
            return false;
        }
        if (frontalSince < 0) {
            frontalSince = now;
        }
        return now - frontalSince >= pauseMillis;
    }
}
