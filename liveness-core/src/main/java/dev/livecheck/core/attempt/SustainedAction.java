package dev.livecheck.core.attempt;

/**
 * An action other than the one asked, followed frame by frame: which one, and since when. It counts once the same
 * action has gone on for a while, so a single odd frame (a landmark glitch, a wobble) never does. Not thread-safe,
 * like its attempt.
 */
final class SustainedAction {

    private Challenge candidate;
    private long since = -1;

    /**
     * {@code strongest} (null if none) seen at {@code now}: true once the same action has gone on for {@code millis}.
     */
    boolean heldFor(Challenge strongest, long now, long millis) {
        if (strongest == null) {
            candidate = null;
            since = -1;
            return false;
        }
        if (strongest != candidate) {
            candidate = strongest;
            since = now;
        }
        return now - since >= millis;
    }

    /** The action being followed, or null. */
    Challenge candidate() {
        return candidate;
    }
}
