package dev.livecheck.core.attempt;

/**
 * Thresholds of the attempt state machine. The defaults follow the recording
 * format's description of a bona fide attempt (turns of 25-40 degrees, nods
 * of 15-30 degrees, the face 35 % wider when closer, each challenge done
 * within 4 s and held 300 ms) with margins, so a person who does a little
 * less than asked still passes while a frozen or flat face does not.
 *
 * <p>Every phase has its own timeout, so a whole attempt is bounded too: at
 * most {@code lockTimeoutMillis + challenges x 2 x challengeTimeoutMillis +
 * endTimeoutMillis} of stream time (48 s with three challenges and the
 * defaults: a challenge's wait before it is asked times out like the
 * challenge), however the person or a stalled stream behaves.
 *
 * @param lockMillis how long the face must stay frontal and usable before the first challenge
 * @param lockTimeoutMillis give up (NOT_AVAILABLE) if no lock by then
 * @param challengeTimeoutMillis per challenge, from when it is issued; also the longest wait before it is issued
 * @param endTimeoutMillis how long to wait for the final frontal frame
 * @param holdMillis how long a challenge's target pose must be held
 * @param wrongActionMillis how long another challenge's pose must be held to count as a wrong action
 * @param turnDegrees yaw change that satisfies TURN_LEFT / TURN_RIGHT
 * @param nodDegrees pitch change that satisfies LOOK_UP / LOOK_DOWN
 * @param closerRatio distance ratio (baseline / now) that satisfies MOVE_CLOSER
 * @param lockYawDegrees largest |yaw| at which the attempt locks on; generous, because every
 *     challenge is measured from the pose locked here, not from the camera axis
 * @param frontalYawDegrees |yaw - baseline| that counts as back to frontal between challenges (times {@link ChallengeMeter#RETURN_YAW_SHARE}, 0.6)
 * @param frontalPitchDegrees largest |pitch - baseline| that counts as frontal again
 * @param minFaceFraction face width (cheek to cheek) below this fraction of the frame width: MOVE_CLOSER
 * @param maxFaceFraction face width above this fraction: MOVE_BACK
 * @param minBrightness face luma below this: TOO_DARK
 * @param maxBrightness face luma above this: TOO_BRIGHT
 */
public record AttemptSettings(
        long lockMillis,
        long lockTimeoutMillis,
        long challengeTimeoutMillis,
        long endTimeoutMillis,
        long holdMillis,
        long wrongActionMillis,
        double turnDegrees,
        double nodDegrees,
        double closerRatio,
        double lockYawDegrees,
        double frontalYawDegrees,
        double frontalPitchDegrees,
        double minFaceFraction,
        double maxFaceFraction,
        double minBrightness,
        double maxBrightness) {

    public static AttemptSettings defaults() {
        return new AttemptSettings(400, 15_000, 5_000, 3_000, 250, 120,
                13, 8, 1.22, 25, 18, 12, 0.12, 0.80, 45, 225);
    }
}
