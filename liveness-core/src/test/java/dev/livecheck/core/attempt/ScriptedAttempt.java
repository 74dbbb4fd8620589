package dev.livecheck.core.attempt;

import dev.livecheck.core.fixtures.SyntheticFaces;
import dev.livecheck.core.fixtures.SyntheticFaces.Pose;
import java.util.ArrayList;
import java.util.List;

/**
 * Drives a {@link LivenessAttempt} with synthetic frames at 15 fps: hold a
 * pose for a while, move to another over a ramp. Collects every event.
 */
public final class ScriptedAttempt {

    public static final long FRAME_MS = 66;

    private final SyntheticFaces faces;
    private final LivenessAttempt attempt;
    private final List<AttemptEvent> events = new ArrayList<>();
    private float[] identity = SyntheticFaces.appearance(1);
    private Pose pose = Pose.frontal();
    private long t;
    private long frameMs = FRAME_MS;

    public ScriptedAttempt(SyntheticFaces faces, List<Challenge> challenges) {
        this(faces, challenges, AttemptSettings.defaults());
    }

    public ScriptedAttempt(SyntheticFaces faces, List<Challenge> challenges, AttemptSettings settings) {
        this(faces, new LivenessAttempt(challenges, settings));
    }

    /** An attempt that pauses before each challenge, as a live one does. */
    public ScriptedAttempt(SyntheticFaces faces, List<Challenge> challenges, List<Long> pausesMillis) {
        this(faces, new LivenessAttempt(challenges, pausesMillis, AttemptSettings.defaults()));
    }

    private ScriptedAttempt(SyntheticFaces faces, LivenessAttempt attempt) {
        this.faces = faces;
        this.attempt = attempt;
    }

    /** Stand-in JPEG bytes that name their frame: its timestamp, as 8 bytes. */
    public static byte[] bytesOf(long t) {
        return java.nio.ByteBuffer.allocate(Long.BYTES).putLong(t).array();
    }

    /** The timestamp a {@link #bytesOf} stand-in names. */
    public static long timestampOf(byte[] bytes) {
        return java.nio.ByteBuffer.wrap(bytes).getLong();
    }

    /** Frames this far apart from now on (a server that asked for fewer frames per second). */
    public ScriptedAttempt framesEvery(long millis) {
        frameMs = millis;
        return this;
    }

    public ScriptedAttempt identity(long seed) {
        identity = SyntheticFaces.appearance(seed);
        return this;
    }

    public ScriptedAttempt hold(long millis) {
        for (long end = t + millis; t < end; t += frameMs) {
            events.addAll(attempt.accept(faces.frame(t, pose, identity), bytesOf(t)));
        }
        return this;
    }

    /** Moves linearly from the current pose to {@code target} over {@code millis}. */
    public ScriptedAttempt moveTo(Pose target, long millis) {
        Pose from = pose;
        long start = t;
        for (long end = t + millis; t < end; t += frameMs) {
            double a = (double) (t - start) / millis;
            pose = new Pose(from.yaw() + a * (target.yaw() - from.yaw()), from.pitch() + a * (target.pitch() - from.pitch()),
                    from.distance() + a * (target.distance() - from.distance()), target.isFlat());
            events.addAll(attempt.accept(faces.frame(t, pose, identity), bytesOf(t)));
        }
        pose = target;
        return this;
    }

    /** No frame at all for a while: the stream stalled. */
    public ScriptedAttempt noFaceGap(long millis) {
        t += millis;
        return this;
    }

    public ScriptedAttempt noFace(long millis) {
        for (long end = t + millis; t < end; t += frameMs) {
            events.addAll(attempt.accept(faces.noFace(t), bytesOf(t)));
        }
        return this;
    }

    public ScriptedAttempt twoFaces(long millis) {
        for (long end = t + millis; t < end; t += frameMs) {
            events.addAll(attempt.accept(faces.frame(t, pose, identity, 2), bytesOf(t)));
        }
        return this;
    }

    /**
     * A bona fide performance of the given actions (which may differ from what was asked) at a fixed pace: frontal for
     * a second, then one action after another. An attempt that asks at once is answered in time; to one that pauses
     * first, this is a replay recorded for another attempt.
     */
    public ScriptedAttempt perform(List<Challenge> actions, boolean flat) {
        Pose rest = flat ? Pose.frontal().flat() : Pose.frontal();
        pose = rest;
        hold(1000);
        for (Challenge c : actions) {
            act(c, rest).hold(300);
        }
        return hold(800);
    }

    /**
     * A person: frontal until a challenge is asked, then that action (as {@link #perform} does it) and back, for as
     * long as the attempt runs, at most {@code maxMillis}. Challenges passed before the call need no answer.
     */
    public ScriptedAttempt respond(long maxMillis) {
        Pose rest = Pose.frontal();
        pose = rest;
        int answered = (int) events.stream().filter(AttemptEvent.ChallengePassed.class::isInstance).count();
        for (long end = t + maxMillis; t < end && !attempt.isDone(); ) {
            List<Challenge> asked = events.stream().filter(AttemptEvent.ChallengeIssued.class::isInstance)
                    .map(e -> ((AttemptEvent.ChallengeIssued) e).action()).toList();
            if (asked.size() > answered) {
                act(asked.get(answered++), rest);
            } else {
                hold(frameMs);
            }
        }
        return this;
    }

    private ScriptedAttempt act(Challenge c, Pose rest) {
        Pose target = switch (c) {
            case TURN_LEFT -> rest.yaw(32);
            case TURN_RIGHT -> rest.yaw(-32);
            case LOOK_UP -> rest.pitch(22);
            case LOOK_DOWN -> rest.pitch(-22);
            case MOVE_CLOSER -> rest.distance(35);
        };
        return moveTo(target, 500).hold(600).moveTo(rest, 400);
    }

    /** Frontal frames until the next challenge is asked (a live attempt's pause). */
    public ScriptedAttempt holdUntilAsked() {
        long issued = issuedCount();
        while (issuedCount() == issued && !attempt.isDone()) {
            hold(frameMs);
        }
        return this;
    }

    private long issuedCount() {
        return events.stream().filter(AttemptEvent.ChallengeIssued.class::isInstance).count();
    }

    public List<AttemptEvent> finish() {
        events.addAll(attempt.finish());
        return events;
    }

    public List<AttemptEvent> events() {
        return events;
    }

    public AttemptEvidence evidence() {
        return finish().stream().filter(AttemptEvent.Completed.class::isInstance)
                .map(e -> ((AttemptEvent.Completed) e).evidence()).findFirst().orElseThrow();
    }
}
