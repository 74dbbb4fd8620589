package dev.livecheck.core.checks;

import dev.livecheck.core.attempt.AttemptEvidence;
import dev.livecheck.core.attempt.IdentityFrame;
import dev.livecheck.core.report.Reasons;
import dev.livecheck.core.report.SubCheck;
import dev.livecheck.core.vision.FaceEmbedder;
import dev.livecheck.core.vision.FaceLandmarks;
import dev.livecheck.core.vision.FaceObservation;
import dev.livecheck.core.vision.FrameObservation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The same face from start to end, in frames that really follow one another.
 * Recognition: a learned face embedding ({@code FaceEmbedder}) of the locked
 * reference frame is compared with the start image, every challenge's
 * strongest frame and the final frame; a cosine distance above
 * {@link #identityLimit} of the frame's pose difference (strict for a frame
 * posed like the reference, looser the more it is turned or nodded) is
 * someone else. Identity: every later frame that faces the camera like the locked reference
 * frame is compared with it by appearance (correlation of the roll-corrected
 * inner-face patch) and by face shape (landmark geometry after removing
 * position, scale and rotation); where the embedding found the reference's
 * person everywhere with {@link #MARGIN_TO_OVERRULE} to spare, it overrules
 * these older cues. Timing: no long gaps, a plausible frame
 * rate, and no jump of the face between consecutive frames.
 */
public final class ContinuityCheck {

    public static final String NAME = "continuity";
    /** Frames within this many degrees of the reference pose are compared for identity. */
    static final double COMPARABLE_DEGREES = 7;
    /** Appearance correlation below which a frame shows someone else. */
    static final double MIN_APPEARANCE = 0.6;
    /** Shape distance (RMS of aligned landmarks, in inter-ocular units) above which the geometry is someone else's. */
    static final double MAX_SHAPE_DISTANCE = 0.075;
    /** Skin colour (CIELAB a*, b*) distance from the reference frame that one person under one light does not reach. */
    static final double MAX_CHROMA_SHIFT = 8;
    /** Local-binary-pattern distance from the reference frame above which the skin and features are someone else's. */
    static final double MAX_TEXTURE_DISTANCE = 0.40;
    /** Frames that must look like someone else before we call it a switch (one odd frame is noise). */
    static final int SWITCH_FRAMES = 2;
    static final long MAX_GAP_MILLIS = 2_000;
    /**
     * Consecutive frames at most this far apart in time (and {@link #CUT_DEGREES} in pose) are compared for a cut:
     * streams of about 8 fps and more. Below that (the server's 6 fps floor under load) a face moves, blurs and
     * changes expression enough between frames that one person fails the comparison (measured: 11 of 400 bona fide
     * renders subsampled to 6 fps rejected FACE_CUT with 250 ms, 0 at their own 10-30 fps); identity is then
     * judged by the rate-independent comparisons with the reference (embedding, appearance, shape, colour, texture).
     */
    static final long CUT_MAX_INTERVAL = 130;
    static final double CUT_DEGREES = 5;
    /** Appearance correlation between consecutive, similarly posed frames below which the face was swapped. */
    static final double MIN_CONSECUTIVE_SIMILARITY = 0.6;
    /** Jump of the face's mean (a*, b*) between consecutive frames no lighting flicker makes. */
    static final double MAX_CHROMA_JUMP = 8;
    /**
     * Yaw beyond which the inner face's mean colour is not compared between frames: its far cheek is foreshortened
     * and partly hidden, so the mean moves with the landmark fit, not the person. Measured on the test kit's bona fide
     * renders: every chroma jump above {@link #MAX_CHROMA_JUMP} (8.1-8.6) came at 24-36 degrees of yaw, between
     * frames whose appearance still correlated at 0.96-0.98 (docs/accuracy.md, "Face cuts at a strong turn").
     */
    static final double CHROMA_MAX_YAW = 20;
    static final double MIN_MEDIAN_INTERVAL = 15;
    /** Nose displacement between consecutive frames (inter-ocular units per 100 ms) no head can make. */
    static final double MAX_JUMP = 1.2;

    /**
     * Cosine distance between the reference's face embedding and a frame posed
     * like it (within {@link #FRONTAL_DEGREES}) above which the face is
     * someone else's. Tuned on the test kit's corpora (docs/accuracy.md).
     */
    public static final double MAX_FRONTAL_DISTANCE = 0.25;
    /** A kept frame within this many degrees (yaw and pitch) of the reference pose is judged as posed like it. */
    static final double FRONTAL_DEGREES = 4;
    /**
     * How much further the limit moves per degree of pose difference beyond
     * {@link #FRONTAL_DEGREES}: the embedding of one person's nodded or
     * turned face moves away from the frontal one (most with pitch, about
     * 0.04 per degree on the rendered heads).
     */
    static final double DISTANCE_PER_DEGREE = 0.05;
    /** The loosest limit, for strongly turned or nodded frames: other people are mostly further (0.8-1.1). */
    public static final double MAX_POSED_DISTANCE = 0.95;

    /**
     * Embedding margin ({@code identity_margin}: how far the closest compared frame stays below its limit) from which
     * the learned comparison overrules the hand-made identity cues (appearance correlation, shape, colour, LBP
     * texture), which came before it and are kept for attempts it cannot judge and for its close calls. Those cues
     * follow light, scale and pose as much as identity: on the test kit's 800 bona fide renders (three seeds) they
     * alone refused four attempts whose embedding margins were 0.12-0.24 (a face brought close under another light,
     * a strong turn). Of seed 2026's 100 splices, 99 fail the embedding itself; the hundredth stays 0.085 below its
     * limit, inside the close calls (docs/accuracy.md, "the embedding overrules the older identity cues").
     */
    static final double MARGIN_TO_OVERRULE = 0.1;

    /** Landmarks that carry identity and barely move with expression: eyes, brows, nose, outline. */
    static final int[] SHAPE = {33, 133, 362, 263, 70, 105, 107, 336, 334, 300, 1, 4, 98, 327, 168, 6, 10, 152,
        234, 454, 172, 397, 58, 288, 127, 356, 21, 251};

    public SubCheck evaluate(AttemptEvidence evidence) {
        Map<String, Object> d = new LinkedHashMap<>();
        String timing = timing(evidence.observations(), d);
        if (evidence.baseline() == null) {
            return timing == null ? SubCheck.inconclusive(NAME, Reasons.NOT_STARTED, d) : SubCheck.fail(NAME, timing, d);
        }
        Recognition recognised = recognition(evidence, d);
        String identity = identity(evidence, d);
        if (identity != null && recognised.clearlyTheSamePerson()) {
            d.put("identity_cues_overruled", true);
            identity = null;
        }
        String cut = cut(evidence.observations(), d);
        String reason = timing != null ? timing : recognised.reason() != null ? recognised.reason()
                : identity != null ? identity : cut;
        return reason == null ? SubCheck.pass(NAME, d) : SubCheck.fail(NAME, reason, d);
    }

    private static String timing(List<FrameObservation> frames, Map<String, Object> d) {
        long maxGap = 0;
        List<Double> intervals = new ArrayList<>();
        double maxJump = 0;
        FrameObservation previous = null;
        for (FrameObservation f : frames) {
            if (previous != null) {
                long gap = f.timestampMillis() - previous.timestampMillis();
                maxGap = Math.max(maxGap, gap);
                intervals.add((double) gap);
                if (previous.hasSingleFace() && f.hasSingleFace()) {
                    maxJump = Math.max(maxJump, jump(previous, f));
                }
            }
            previous = f;
        }
        double median = Stats.median(intervals);
        d.put("max_gap_ms", maxGap);
        d.put("median_interval_ms", Stats.round(median));
        d.put("max_jump", Stats.round(maxJump));
        if (maxGap > MAX_GAP_MILLIS) {
            return Reasons.FRAME_GAP;
        }
        if (!intervals.isEmpty() && median < MIN_MEDIAN_INTERVAL) {
            return Reasons.IMPLAUSIBLE_TIMING;
        }
        return maxJump > MAX_JUMP ? Reasons.FRAME_JUMP : null;
    }

    /** How far the nose moved, in inter-ocular distances per 100 ms (at least one 100 ms step counted). */
    private static double jump(FrameObservation a, FrameObservation b) {
        FaceLandmarks la = a.face().landmarks();
        FaceLandmarks lb = b.face().landmarks();
        double moved = Math.hypot(lb.x(1) - la.x(1), lb.y(1) - la.y(1)) / la.interocular();
        double steps = Math.max(1, (b.timestampMillis() - a.timestampMillis()) / 100.0);
        return moved / steps;
    }

    /**
     * The learned comparison: cosine distance of each kept frame's face
     * embedding to the reference's, as {@code identity_distance_<frame>}, and
     * the largest among frames posed like the reference and among turned or
     * nodded ones, each against its own limit. The engine embeds the frames
     * before judging; evidence judged without embeddings (unit tests of the
     * other cues) skips this and says so.
     */
    private static Recognition recognition(AttemptEvidence evidence, Map<String, Object> d) {
        List<IdentityFrame> frames = evidence.identityFrames();
        if (frames.isEmpty() || frames.get(0).role() != IdentityFrame.Role.REFERENCE
                || frames.get(0).embedding() == null) {
            d.put("identity_embedding", "none");
            return Recognition.NOT_JUDGED;
        }
        float[] reference = frames.get(0).embedding();
        var baseline = evidence.baseline();
        double max = 0;
        double maxFrontal = 0;
        double worstExcess = Double.NEGATIVE_INFINITY;
        int notEmbedded = 0;
        for (IdentityFrame f : frames.subList(1, frames.size())) {
            FaceObservation face = evidence.observations().get(f.index()).face();
            if (f.embedding() == null || face == null) {
                notEmbedded++;
                continue;
            }
            double distance = FaceEmbedder.distance(reference, f.embedding());
            double pose = Math.max(Math.abs(face.pose().yaw() - baseline.yaw()),
                    Math.abs(face.pose().pitch() - baseline.pitch()));
            d.put("identity_distance_" + f.label(), Stats.round(distance));
            d.put("identity_pose_" + f.label(), Stats.round(pose));
            max = Math.max(max, distance);
            if (pose <= FRONTAL_DEGREES) {
                maxFrontal = Math.max(maxFrontal, distance);
            }
            worstExcess = Math.max(worstExcess, distance - identityLimit(pose));
        }
        d.put("max_identity_distance", Stats.round(max));
        d.put("max_frontal_identity_distance", Stats.round(maxFrontal));
        // how far the closest call is from its limit: positive passes by that much, negative fails
        d.put("identity_margin", Stats.round(worstExcess == Double.NEGATIVE_INFINITY ? -1 : -worstExcess));
        if (notEmbedded > 0) {
            d.put("frames_not_embedded", notEmbedded);
        }
        // a frame it could not read (the end frame, say) leaves the call to the hand-made cues
        boolean judgedEvery = notEmbedded == 0 && worstExcess != Double.NEGATIVE_INFINITY;
        return new Recognition(worstExcess > 0 ? Reasons.IDENTITY_CHANGE : null,
                judgedEvery ? -worstExcess : Double.NaN);
    }

    /**
     * What the embedding said: {@code reason} if it found someone else, and {@code margin}, how far the closest of
     * the compared frames stayed below its limit (NaN unless it compared every kept frame).
     */
    private record Recognition(@Nullable String reason, double margin) {

        static final Recognition NOT_JUDGED = new Recognition(null, Double.NaN);

        /**
         * Whether every frame the embedding compared is the reference's person with at least
         * {@link #MARGIN_TO_OVERRULE} to spare: the hand-made cues' "someone else" is then overruled.
         */
        boolean clearlyTheSamePerson() {
            return reason == null && margin >= MARGIN_TO_OVERRULE;
        }
    }

    /**
     * The largest embedding distance from the reference that still counts as
     * the same person, for a frame {@code poseDegrees} (the larger of its yaw
     * and pitch difference) away from the reference pose.
     */
    public static double identityLimit(double poseDegrees) {
        return Math.min(MAX_POSED_DISTANCE,
                MAX_FRONTAL_DISTANCE + DISTANCE_PER_DEGREE * Math.max(0, poseDegrees - FRONTAL_DEGREES));
    }

    private static String identity(AttemptEvidence evidence, Map<String, Object> d) {
        var baseline = evidence.baseline();
        FaceObservation reference = evidence.observations().get(baseline.referenceIndex()).face();
        int lockEnd = evidence.lockIndices()[1];
        double minAppearance = 1;
        double maxShape = 0;
        double maxChroma = 0;
        double maxTexture = 0;
        boolean endUnlike = false;
        int compared = 0;
        int unlike = 0;
        List<FrameObservation> frames = evidence.observations();
        for (int i = lockEnd + 1; i < frames.size(); i++) {
            FrameObservation f = frames.get(i);
            if (!f.hasSingleFace() || !comparable(f.face(), baseline.yaw(), baseline.pitch())) {
                continue;
            }
            compared++;
            double appearance = FaceObservation.appearanceSimilarity(reference.appearance(), f.face().appearance());
            double shape = shapeDistance(reference.landmarks(), f.face().landmarks());
            double texture = FaceObservation.textureDistance(reference.textureHistogram(), f.face().textureHistogram());
            maxTexture = Math.max(maxTexture, texture);
            double chroma = Math.hypot(f.face().chroma()[0] - reference.chroma()[0],
                    f.face().chroma()[1] - reference.chroma()[1]);
            minAppearance = Math.min(minAppearance, appearance);
            maxShape = Math.max(maxShape, shape);
            maxChroma = Math.max(maxChroma, chroma);
            if (appearance < MIN_APPEARANCE || shape > MAX_SHAPE_DISTANCE || chroma > MAX_CHROMA_SHIFT
                    || texture > MAX_TEXTURE_DISTANCE) {
                unlike++;
                endUnlike |= i == evidence.endIndex();
            }
        }
        d.put("frames_compared", compared);
        d.put("min_appearance_similarity", Stats.round(minAppearance));
        d.put("max_shape_distance", Stats.round(maxShape));
        d.put("max_chroma_shift", Stats.round(maxChroma));
        d.put("max_texture_distance", Stats.round(maxTexture));
        d.put("unlike_frames", unlike);
        d.put("end_frame_unlike", endUnlike);
        // the final frontal image is what the business will look at: it must show the same person
        return unlike >= SWITCH_FRAMES || endUnlike ? Reasons.IDENTITY_CHANGE : null;
    }

    /**
     * An identity switch is also a cut: between two consecutive frames in
     * which the head barely moved, the aligned face patch and the skin colour
     * change more than any camera noise can change them. This catches a
     * splice between two people who look alike at the start and the end.
     */
    private static String cut(List<FrameObservation> frames, Map<String, Object> d) {
        double minSimilarity = 1;
        double maxChromaJump = 0;
        FrameObservation previous = null;
        for (FrameObservation f : frames) {
            if (comparedForACut(previous, f)) {
                minSimilarity = Math.min(minSimilarity, similarity(previous, f));
                maxChromaJump = Math.max(maxChromaJump, chromaJump(previous, f));
            }
            previous = f;
        }
        d.put("min_consecutive_similarity", Stats.round(minSimilarity));
        d.put("max_chroma_jump", Stats.round(maxChromaJump));
        return minSimilarity < MIN_CONSECUTIVE_SIMILARITY || maxChromaJump > MAX_CHROMA_JUMP ? Reasons.FACE_CUT : null;
    }

    private static boolean comparedForACut(@Nullable FrameObservation previous, FrameObservation f) {
        return previous != null && previous.hasSingleFace() && f.hasSingleFace()
                && f.timestampMillis() - previous.timestampMillis() <= CUT_MAX_INTERVAL
                && comparable(f.face(), previous.face().pose().yaw(), previous.face().pose().pitch(), CUT_DEGREES);
    }

    private static double similarity(FrameObservation a, FrameObservation b) {
        return FaceObservation.appearanceSimilarity(a.face().appearance(), b.face().appearance());
    }

    private static double chromaJump(FrameObservation a, FrameObservation b) {
        if (Math.abs(a.face().pose().yaw()) > CHROMA_MAX_YAW || Math.abs(b.face().pose().yaw()) > CHROMA_MAX_YAW) {
            return 0;
        }
        double[] x = a.face().chroma();
        double[] y = b.face().chroma();
        return Math.hypot(x[0] - y[0], x[1] - y[1]);
    }

    private static boolean comparable(FaceObservation face, double yaw, double pitch) {
        return comparable(face, yaw, pitch, COMPARABLE_DEGREES);
    }

    private static boolean comparable(FaceObservation face, double yaw, double pitch, double degrees) {
        return Math.abs(face.pose().yaw() - yaw) <= degrees && Math.abs(face.pose().pitch() - pitch) <= degrees;
    }

    /**
     * RMS distance between two landmark shapes after the best similarity
     * alignment (2D Procrustes), in units of the reference's inter-ocular distance.
     */
    static double shapeDistance(FaceLandmarks a, FaceLandmarks b) {
        int n = SHAPE.length;
        double[] ax = new double[n];
        double[] ay = new double[n];
        double[] bx = new double[n];
        double[] by = new double[n];
        for (int k = 0; k < n; k++) {
            ax[k] = a.x(SHAPE[k]);
            ay[k] = a.y(SHAPE[k]);
            bx[k] = b.x(SHAPE[k]);
            by[k] = b.y(SHAPE[k]);
        }
        double sa = normalise(ax, ay);
        normalise(bx, by);
        double dot = 0;
        double cross = 0;
        for (int k = 0; k < n; k++) {
            dot += ax[k] * bx[k] + ay[k] * by[k];
            cross += ax[k] * by[k] - ay[k] * bx[k];
        }
        double angle = Math.atan2(cross, dot);
        double c = Math.cos(angle);
        double s = Math.sin(angle);
        double sum = 0;
        for (int k = 0; k < n; k++) {
            double rx = c * bx[k] + s * by[k];
            double ry = -s * bx[k] + c * by[k];
            sum += (rx - ax[k]) * (rx - ax[k]) + (ry - ay[k]) * (ry - ay[k]);
        }
        // normalised shapes have unit RMS radius; convert back to the reference's pixels, then to inter-ocular units
        return Math.sqrt(sum / n) * sa / a.interocular();
    }

    /** Centres the points and scales them to unit RMS radius; returns the original RMS radius. */
    private static double normalise(double[] x, double[] y) {
        double mx = 0;
        double my = 0;
        for (int k = 0; k < x.length; k++) {
            mx += x[k];
            my += y[k];
        }
        mx /= x.length;
        my /= y.length;
        double r = 0;
        for (int k = 0; k < x.length; k++) {
            x[k] -= mx;
            y[k] -= my;
            r += x[k] * x[k] + y[k] * y[k];
        }
        r = Math.sqrt(r / x.length);
        for (int k = 0; k < x.length; k++) {
            x[k] /= r;
            y[k] /= r;
        }
        return r;
    }
}
