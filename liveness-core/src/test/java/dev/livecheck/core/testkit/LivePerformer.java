package dev.livecheck.core.testkit;

import dev.livecheck.core.attempt.Challenge;
import dev.livecheck.core.testkit.MotionScript.Pose;
import dev.livecheck.core.testkit.MotionScript.Style;
import java.util.ArrayList;
import java.util.List;

/**
 * A bona fide person in front of a camera who answers whatever is asked, rendered a frame at a time: the live
 * counterpart of a BONA_FIDE {@link SyntheticCamera} recording, for clients that talk to a server drawing random
 * challenges (a recording can only follow the order it was made for).
 *
 * <p>The seed picks the face, its size, position and lighting, the background, camera shake and camera settings with
 * the same code (and the same first draws) as a BONA_FIDE recording; the face width is kept to 150-200 px because
 * any challenge, MOVE_CLOSER included, may be asked. They stay the same for the performer's life, so continuity
 * checks see one person in one scene across every attempt. The person holds a roughly frontal pose with natural
 * sway; {@link #perform} schedules one challenge from rest to rest ({@link MotionScript#challenge}: ramp 300-700 ms,
 * hold 400-900 ms, return, rest), starting now or, if still busy with an earlier one, when that one has come to rest.
 *
 * <p>Times are milliseconds on the caller's clock (any origin, the same for {@link #frame} and {@link #perform}).
 * Thread-safe (calls are serialised); owns native buffers, so close it.
 *
 * <p>For clients too many to render live, {@link #restClip} and {@link #challengeClip} render the same person as
 * {@link Clip}s to chain as challenges arrive: each clip starts and ends in the same state of sway and camera shake,
 * so any clip can follow any other without a jump.
 */
public final class LivePerformer implements AutoCloseable {

    private final SyntheticCamera.Studio studio;
    private final SyntheticCamera.Performer performer;
    private final MotionScript idle;
    private final HeadRenderer renderer;
    private final List<Scheduled> scheduled = new ArrayList<>();
    private final String face;

    private record Scheduled(long start, MotionScript script) {
        long end() {
            return start + script.duration();
        }
    }

    /** A performer whose face, scene and camera are drawn from {@code seed}. */
    public LivePerformer(long seed) {
        SyntheticCamera.Cast cast = SyntheticCamera.Cast.draw(Species.BONA_FIDE, seed);
        this.studio = new SyntheticCamera.Studio(cast.rnd(), 15, false, 0);
        this.renderer = studio.renderer;
        this.performer = studio.alone(cast.face(), List.of(Challenge.values()), studio.centreX());
        this.idle = MotionScript.frontal(Style.HEAD, cast.rnd());
        this.face = cast.face().name();
    }

    /** The face photo this performer wears. */
    public String face() {
        return face;
    }

    /**
     * Starts {@code action} at {@code nowMillis}, or when the action in progress has come to rest (the engine asks
     * the next challenge as soon as the previous one is held, and a person finishes one move before the next).
     *
     * @return when the motion starts
     */
    public synchronized long perform(Challenge action, long nowMillis) {
        long start = nowMillis;
        if (!scheduled.isEmpty()) {
            start = Math.max(start, scheduled.get(scheduled.size() - 1).end());
        }
        scheduled.add(new Scheduled(start, MotionScript.challenge(action, Style.HEAD, studio.rnd)));
        return start;
    }

    /** Whether a scheduled action is still in motion (or resting after it) at {@code tMillis}. */
    public synchronized boolean busy(long tMillis) {
        return !scheduled.isEmpty() && tMillis < scheduled.get(scheduled.size() - 1).end();
    }

    /** The pose at {@code tMillis}: the scheduled action's timeline, or frontal, plus natural sway. */
    public synchronized Pose pose(long tMillis) {
        Pose p = Pose.FRONTAL;
        for (Scheduled s : scheduled) {
            if (tMillis >= s.start() && tMillis < s.end()) {
                p = s.script().at(tMillis - s.start());
                break;
            }
        }
        return idle.swayed(p, tMillis);
    }

    /** Renders what the camera sees at {@code tMillis}: a 640x480 JPEG. */
    public synchronized byte[] frame(long tMillis) {
        Pose p = pose(tMillis);
        return studio.shoot(tMillis, t -> performer.draw(renderer, studio.canvas, p));
    }

    /**
     * Pre-rendered footage: frames at {@code i * 1000 / fps} ms from the clip's start, up to (not including)
     * {@code durationMillis}, each a finished 640x480 JPEG (camera effects included).
     *
     * @param challenge the challenge performed from rest to rest, or null for a rest (frontal) clip
     */
    public record Clip(Challenge challenge, double fps, long durationMillis, List<byte[]> frames) {
        public Clip {
            frames = List.copyOf(frames);
        }

        /** When frame {@code i} was taken, in ms from the clip's start. */
        public long frameTime(int i) {
            return Math.round(i * 1000 / fps);
        }
    }

    /**
     * Holding frontal with natural sway for {@code durationMillis}. The sway (and camera shake) runs from its rest
     * state out and back, forward ({@code backwards} false) or backward in sway time, so two rest clips of opposite
     * direction chained show a little more motion than one repeated.
     */
    public synchronized Clip restClip(long durationMillis, double fps, boolean backwards) {
        return clip(null, null, durationMillis, fps, backwards ? -1 : 1);
    }

    /**
     * {@code action} from rest to rest ({@link MotionScript#challenge}: the same ramp, hold, return and rest timings
     * as {@link #perform}, drawn from this performer's random source), with the sway out and back over the clip.
     * Of {@value #CLIP_DRAWS} draws it keeps the widest move: a live performer draws afresh for every challenge, but
     * a clip is replayed for every user and attempt of this identity, and a draw at the bottom of the test kit's range
     * (a 15 degree nod) would make all of them fail the 3D-structure check together.
     */
    public synchronized Clip challengeClip(Challenge action, double fps) {
        MotionScript script = null;
        for (int i = 0; i < CLIP_DRAWS; i++) {
            MotionScript drawn = MotionScript.challenge(action, Style.HEAD, studio.rnd);
            if (script == null || extent(drawn) > extent(script)) {
                script = drawn;
            }
        }
        return clip(action, script, script.duration(), fps, 1);
    }

    private static final int CLIP_DRAWS = 3;

    /** How far a challenge script moves from frontal: its target's largest angle, or scale change in percent. */
    private static double extent(MotionScript script) {
        Pose target = script.segments().get(0).to();
        return Math.max(Math.max(Math.abs(target.yaw()), Math.abs(target.pitch())), 100 * (target.scale() - 1));
    }

    /**
     * Renders a clip whose scene time (sway, camera shake) is {@code direction * min(t, duration - t)}: zero at both
     * ends, so clips chain seamlessly; the motion script, if any, runs on the clip's own time.
     */
    private Clip clip(Challenge action, MotionScript script, long durationMillis, double fps, int direction) {
        List<byte[]> frames = new ArrayList<>();
        for (int i = 0; ; i++) {
            long t = Math.round(i * 1000 / fps);
            if (t >= durationMillis) {
                break;
            }
            long scene = direction * Math.min(t, durationMillis - t);
            Pose p = idle.swayed(script == null ? Pose.FRONTAL : script.at(t), scene);
            frames.add(studio.shoot(scene, x -> performer.draw(renderer, studio.canvas, p)));
        }
        return new Clip(action, fps, durationMillis, frames);
    }

    @Override
    public synchronized void close() {
        studio.close();
    }
}
