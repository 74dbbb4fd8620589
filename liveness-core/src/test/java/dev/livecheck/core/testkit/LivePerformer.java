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

    @Override
    public synchronized void close() {
        studio.close();
    }
}
