package dev.livecheck.core.testkit;

import dev.livecheck.core.attempt.Challenge;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The timeline of one synthetic attempt: what pose the head (or the print)
 * has at every millisecond, and when the camera takes frames.
 *
 * <p>A performance follows the recording spec: frontal for 0.8-1.2 s, then
 * for each challenge in order a ramp (300-700 ms) to the target, a hold
 * (400-900 ms), a return to frontal (300-600 ms) and a rest (200-500 ms), and
 * a frontal end of 0.5-1 s. Head targets: TURN_LEFT yaw +25..40 degrees,
 * TURN_RIGHT -25..40, LOOK_UP pitch +15..30, LOOK_DOWN -15..30, MOVE_CLOSER
 * face width x1.35..1.6, each with a little natural coupling into the other
 * angles. A flat print mimicking the challenges turns 25-50 degrees and also
 * slides toward the side the real action would move the face. On top of the
 * targets runs natural micro-motion (a few degrees and pixels of sway, slight
 * roll; for a hand-held print, a faster hand shake).
 *
 * <p>{@link #challenge} gives one challenge alone, from rest to rest, and {@link #frontal} an endless frontal idle
 * with sway: a {@link LivePerformer} chains those as challenges arrive instead of following a list known in advance.
 *
 * <p>Positions ({@code dx, dy}) are in units of the starting face width so a
 * script does not depend on how large the face is.
 */
public final class MotionScript {

    public enum Phase { FRONTAL, RAMP, HOLD, RETURN, REST, END }

    /** How the performer moves: a real head, or a flat print held in the hand. */
    public enum Style { HEAD, FLAT_PRINT }

    /** Angles in degrees (HeadPose convention), face-width multiplier and offsets in face widths. */
    public record Pose(double yaw, double pitch, double roll, double scale, double dx, double dy) {
        public static final Pose FRONTAL = new Pose(0, 0, 0, 1, 0, 0);

        Pose lerp(Pose o, double s) {
            return new Pose(yaw + (o.yaw - yaw) * s, pitch + (o.pitch - pitch) * s, roll + (o.roll - roll) * s,
                    scale + (o.scale - scale) * s, dx + (o.dx - dx) * s, dy + (o.dy - dy) * s);
        }
    }

    /** One stretch of the timeline, {@code [start, end)} in ms; {@code challenge} is null outside challenges. */
    public record Segment(Phase phase, Challenge challenge, long start, long end, Pose from, Pose to) {
    }

    private final List<Segment> segments;
    private final List<Challenge> performed;
    private final double[][] sway; // per channel: {amplitude, frequency Hz, phase} triples

    private MotionScript(List<Segment> segments, List<Challenge> performed, double[][] sway) {
        this.segments = List.copyOf(segments);
        this.performed = List.copyOf(performed);
        this.sway = sway;
    }

    /** A performance of {@code challenges} in order. */
    public static MotionScript perform(List<Challenge> challenges, Style style, Random rnd) {
        return perform(challenges, style, rnd, 0);
    }

    /**
     * A performance whose frontal opening lasts {@code leadInMs} (0: the usual 0.8-1.2 s). The random draws are the
     * same either way, so a recording with a longer lead-in shows the same person doing the same moves.
     */
    public static MotionScript perform(List<Challenge> challenges, Style style, Random rnd, long leadInMs) {
        List<Segment> segs = new ArrayList<>();
        long drawn = between(rnd, 800, 1200);
        long t = leadInMs > 0 ? leadInMs : drawn;
        segs.add(new Segment(Phase.FRONTAL, null, 0, t, Pose.FRONTAL, Pose.FRONTAL));
        for (Challenge c : challenges) {
            t = appendChallenge(segs, c, style, rnd, t);
        }
        long end = between(rnd, 500, 1000);
        segs.add(new Segment(Phase.END, null, t, t + end, Pose.FRONTAL, Pose.FRONTAL));
        return new MotionScript(segs, challenges, swayFor(style, rnd));
    }

    /**
     * One challenge from rest to rest, starting at 0: ramp, hold, return and rest with the same targets and timings
     * as in {@link #perform} (the same random draws, in the same order). It has no micro-motion of its own, so its
     * {@link #at} is the bare timeline: a performer that chains such segments as challenges arrive adds its own,
     * continuous, sway with {@link #swayed} (see {@link LivePerformer}).
     */
    public static MotionScript challenge(Challenge c, Style style, Random rnd) {
        List<Segment> segs = new ArrayList<>();
        appendChallenge(segs, c, style, rnd, 0);
        return new MotionScript(segs, List.of(c), new double[6][0]);
    }

    /**
     * Holding frontal for ever, with natural micro-motion: the idle state of a live performer. Its {@link #swayed}
     * adds that micro-motion to any pose.
     */
    public static MotionScript frontal(Style style, Random rnd) {
        List<Segment> segs = List.of(new Segment(Phase.FRONTAL, null, 0, Long.MAX_VALUE, Pose.FRONTAL, Pose.FRONTAL));
        return new MotionScript(segs, List.of(), swayFor(style, rnd));
    }

    /** Appends ramp, hold, return and rest for {@code c} from {@code t}; returns the end of the rest. */
    private static long appendChallenge(List<Segment> segs, Challenge c, Style style, Random rnd, long t) {
        Pose target = target(c, style, rnd);
        long ramp = between(rnd, 300, 700);
        long hold = between(rnd, 400, 900);
        long back = between(rnd, 300, 600);
        long rest = between(rnd, 200, 500);
        // while holding, people drift a little further or relax a little
        Pose held = target.lerp(Pose.FRONTAL, (rnd.nextDouble() - 0.5) * 0.1);
        segs.add(new Segment(Phase.RAMP, c, t, t + ramp, Pose.FRONTAL, target));
        segs.add(new Segment(Phase.HOLD, c, t + ramp, t + ramp + hold, target, held));
        segs.add(new Segment(Phase.RETURN, c, t + ramp + hold, t + ramp + hold + back, held, Pose.FRONTAL));
        long restStart = t + ramp + hold + back;
        segs.add(new Segment(Phase.REST, null, restStart, restStart + rest, Pose.FRONTAL, Pose.FRONTAL));
        return restStart + rest;
    }

    /**
     * Holding still (roughly frontal) for {@code duration} ms, slowly drifting
     * toward a small random offset: a static print, or an empty scene.
     */
    public static MotionScript still(long duration, Style style, Random rnd) {
        Pose drift = new Pose(uniform(rnd, -8, 8), uniform(rnd, -8, 8), uniform(rnd, -5, 5),
                uniform(rnd, 0.92, 1.08), uniform(rnd, -0.2, 0.2), uniform(rnd, -0.15, 0.15));
        List<Segment> segs = List.of(new Segment(Phase.FRONTAL, null, 0, duration, Pose.FRONTAL, drift));
        return new MotionScript(segs, List.of(), swayFor(style, rnd));
    }

    private static Pose target(Challenge c, Style style, Random rnd) {
        boolean head = style == Style.HEAD;
        double coupleA = uniform(rnd, -3, 3);
        double coupleB = uniform(rnd, -3, 3);
        return switch (c) {
            case TURN_LEFT -> head
                    ? new Pose(uniform(rnd, 25, 40), coupleA, coupleB, 1, 0, 0)
                    : new Pose(uniform(rnd, 25, 50), coupleA, coupleB, 1, uniform(rnd, 0.1, 0.3), 0);
            case TURN_RIGHT -> head
                    ? new Pose(-uniform(rnd, 25, 40), coupleA, coupleB, 1, 0, 0)
                    : new Pose(-uniform(rnd, 25, 50), coupleA, coupleB, 1, -uniform(rnd, 0.1, 0.3), 0);
            case LOOK_UP -> head
                    ? new Pose(coupleA, uniform(rnd, 15, 30), coupleB, 1, 0, 0)
                    : new Pose(coupleA, uniform(rnd, 20, 45), coupleB, 1, 0, -uniform(rnd, 0.08, 0.25));
            case LOOK_DOWN -> head
                    ? new Pose(coupleA, -uniform(rnd, 15, 30), coupleB, 1, 0, 0)
                    : new Pose(coupleA, -uniform(rnd, 20, 45), coupleB, 1, 0, uniform(rnd, 0.08, 0.25));
            case MOVE_CLOSER -> new Pose(coupleA, coupleB, 0, uniform(rnd, 1.35, 1.6), 0, 0);
        };
    }

    private static double[][] swayFor(Style style, Random rnd) {
        boolean head = style == Style.HEAD;
        // yaw, pitch, roll (degrees), scale (fraction), dx, dy (face widths)
        double[] amp = head ? new double[] {1.8, 1.4, 1.2, 0.015, 0.025, 0.02}
                : new double[] {1.2, 1.2, 0.8, 0.01, 0.015, 0.015};
        double slowLo = 0.15;
        double slowHi = 0.7;
        double[][] s = new double[6][];
        for (int ch = 0; ch < 6; ch++) {
            // two slow components, plus a fast tremor for a hand-held print
            int comps = head ? 2 : 3;
            s[ch] = new double[comps * 3];
            for (int k = 0; k < comps; k++) {
                boolean tremor = !head && k == 2;
                s[ch][3 * k] = amp[ch] * (tremor ? 0.35 : uniform(rnd, 0.4, 1.0));
                s[ch][3 * k + 1] = tremor ? uniform(rnd, 3, 7) : uniform(rnd, slowLo, slowHi);
                s[ch][3 * k + 2] = uniform(rnd, 0, 2 * Math.PI);
            }
        }
        return s;
    }

    /** Total length in ms. */
    public long duration() {
        return segments.get(segments.size() - 1).end();
    }

    public List<Segment> segments() {
        return segments;
    }

    /** The challenges this script performs, in order (empty when holding still). */
    public List<Challenge> performed() {
        return performed;
    }

    public Segment segmentAt(long t) {
        for (Segment s : segments) {
            if (t < s.end()) {
                return s;
            }
        }
        return segments.get(segments.size() - 1);
    }

    /** The pose at {@code t} ms: the scripted target plus micro-motion. */
    public Pose at(long t) {
        Segment s = segmentAt(t);
        double span = Math.max(1, s.end() - s.start());
        double u = Math.max(0, Math.min(1, (t - s.start()) / span));
        double eased = s.phase() == Phase.RAMP || s.phase() == Phase.RETURN ? 0.5 - 0.5 * Math.cos(Math.PI * u) : u;
        return swayed(s.from().lerp(s.to(), eased), t);
    }

    /** {@code p} plus this script's micro-motion at {@code t} ms (unchanged for a {@link #challenge} segment). */
    public Pose swayed(Pose p, long t) {
        double sec = t / 1000.0;
        double[] w = new double[6];
        for (int ch = 0; ch < 6; ch++) {
            for (int k = 0; k < sway[ch].length; k += 3) {
                w[ch] += sway[ch][k] * Math.sin(2 * Math.PI * sway[ch][k + 1] * sec + sway[ch][k + 2]);
            }
        }
        return new Pose(p.yaw + w[0], p.pitch + w[1], p.roll + w[2], p.scale * (1 + w[3]), p.dx + w[4], p.dy + w[5]);
    }

    /**
     * Frame times from 0 to {@link #duration()} at a nominal rate; with
     * {@code jitter}, intervals vary by about 12 % and about 2 % of frames are
     * dropped (a double interval). Non-decreasing, starting at 0.
     */
    public long[] frameTimes(double fps, boolean jitter, Random rnd) {
        double interval = 1000.0 / fps;
        List<Long> times = new ArrayList<>();
        double t = 0;
        long last = 0;
        while (t <= duration()) {
            long ms = Math.max(last, Math.round(t));
            times.add(ms);
            last = ms;
            double step = interval;
            if (jitter) {
                step *= Math.max(0.5, 1 + 0.12 * rnd.nextGaussian());
                if (rnd.nextDouble() < 0.02) {
                    step += interval;
                }
            }
            t += step;
        }
        return times.stream().mapToLong(Long::longValue).toArray();
    }

    static long between(Random rnd, long lo, long hi) {
        return lo + (long) (rnd.nextDouble() * (hi - lo));
    }

    static double uniform(Random rnd, double lo, double hi) {
        return lo + rnd.nextDouble() * (hi - lo);
    }
}
