package dev.livecheck.core.attempt;

import dev.livecheck.core.vision.FaceObservation;

/**
 * How far a face has gone toward each challenge, relative to the baseline:
 * 1.0 means the threshold is reached, 2.0 twice as far, negative the other
 * way. Turns and nods are angle changes, MOVE_CLOSER the drop in distance.
 */
public final class ChallengeMeter {

    private final AttemptSettings settings;
    private final Baseline baseline;

    public ChallengeMeter(AttemptSettings settings, Baseline baseline) {
        this.settings = settings;
        this.baseline = baseline;
    }

    public double progress(Challenge challenge, FaceObservation face) {
        double yaw = face.pose().yaw() - baseline.yaw();
        double pitch = face.pose().pitch() - baseline.pitch();
        return switch (challenge) {
            case TURN_LEFT -> yaw / settings.turnDegrees();
            case TURN_RIGHT -> -yaw / settings.turnDegrees();
            case LOOK_UP -> pitch / settings.nodDegrees();
            case LOOK_DOWN -> -pitch / settings.nodDegrees();
            case MOVE_CLOSER -> (baseline.distance() / face.pose().distance() - 1) / (settings.closerRatio() - 1);
        };
    }

    /**
     * Whether the asked turn or nod is the main movement: its progress is at least the other axis's, both measured
     * against their own thresholds. A person asked to look up lifts the chin; a recording of a turn lifts it a little
     * too (the head rolls back as it turns) and must not pass a nod for it. MOVE_CLOSER changes no angle and is
     * always its own movement.
     */
    public boolean dominant(Challenge asked, FaceObservation face) {
        double yaw = Math.abs(progress(Challenge.TURN_LEFT, face));
        double pitch = Math.abs(progress(Challenge.LOOK_UP, face));
        return switch (asked) {
            case TURN_LEFT, TURN_RIGHT -> yaw >= pitch;
            case LOOK_UP, LOOK_DOWN -> pitch >= yaw;
            case MOVE_CLOSER -> true;
        };
    }

    /**
     * The share of {@link AttemptSettings#frontalYawDegrees} within which a face counts as turned back: 0.6, so 13°
     * becomes 7.8°, while pitch uses {@code frontalPitchDegrees} as it is. This has been the engine's rule since its
     * first version and the accuracy figures are measured with it; it is named here so the setting does not read as
     * the whole story.
     */
    public static final double RETURN_YAW_SHARE = 0.6;

    /**
     * Back near the baseline orientation: |yaw| within {@link #RETURN_YAW_SHARE} of {@code frontalYawDegrees}, |pitch|
     * within {@code frontalPitchDegrees} (distance may differ: people rarely step back exactly).
     */
    public boolean frontal(FaceObservation face) {
        return Math.abs(face.pose().yaw() - baseline.yaw()) <= settings.frontalYawDegrees() * RETURN_YAW_SHARE
                && Math.abs(face.pose().pitch() - baseline.pitch()) <= settings.frontalPitchDegrees();
    }
}
