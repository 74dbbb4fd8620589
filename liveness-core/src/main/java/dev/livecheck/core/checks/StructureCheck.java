package dev.livecheck.core.checks;

import dev.livecheck.core.attempt.AttemptEvidence;
import dev.livecheck.core.attempt.AttemptSettings;
import dev.livecheck.core.attempt.Challenge;
import dev.livecheck.core.attempt.ChallengeMeter;
import dev.livecheck.core.attempt.ChallengeTrace;
import dev.livecheck.core.report.Reasons;
import dev.livecheck.core.report.SubCheck;
import dev.livecheck.core.vision.FaceLandmarks;
import dev.livecheck.core.vision.FrameObservation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * 3D structure from motion parallax. When a real head turns or nods, the nose
 * (near the camera) moves differently from the face outline (far from it);
 * a print or a screen, however it is tilted, moves as one plane, so a single
 * homography maps its frontal landmarks onto its turned ones. We fit that
 * homography on the outline and measure how far the nose misses it, in
 * inter-ocular distances, on the frames where a turn or nod challenge was
 * performed.
 */
public final class StructureCheck {

    public static final String NAME = "structure_3d";
    /**
     * Nose parallax (inter-ocular units) below which the face is flat. On
     * the test kit's corpus, real heads past a challenge's threshold show
     * 0.16 to 0.45; tilted prints 0.03 to 0.13, because the landmark model
     * bends a foreshortened picture a little toward a face it knows.
     */
    static final double MIN_PARALLAX = 0.12;

    /** Face-oval landmarks: the far outline of the face. */
    static final int[] OUTLINE = {10, 338, 297, 332, 284, 251, 389, 356, 454, 323, 361, 288, 397, 365, 379, 378,
        400, 377, 152, 148, 176, 149, 150, 136, 172, 58, 132, 93, 234, 127, 162, 21, 54, 103, 67, 109};
    /** Nose tip and ridge: the nearest points of a face. */
    static final int[] NOSE = {1, 4, 5, 195, 197};
    private static final int[] ALL = allLandmarks();

    private final AttemptSettings settings;

    public StructureCheck(AttemptSettings settings) {
        this.settings = settings;
    }

    public SubCheck evaluate(AttemptEvidence evidence) {
        Map<String, Object> d = new LinkedHashMap<>();
        if (evidence.baseline() == null) {
            return SubCheck.inconclusive(NAME, Reasons.NOT_STARTED, d);
        }
        FrameObservation reference = evidence.observations().get(evidence.baseline().referenceIndex());
        ChallengeMeter meter = new ChallengeMeter(settings, evidence.baseline());
        List<Double> parallaxes = new ArrayList<>();
        List<Double> planarRms = new ArrayList<>();
        for (ChallengeTrace t : evidence.traces()) {
            if (t.challenge() == Challenge.MOVE_CLOSER || t.peakIndex() < 0) {
                continue;
            }
            for (FrameObservation f : strongFrames(evidence, meter, t)) {
                Parallax p = measure(reference.face().landmarks(), f.face().landmarks());
                if (p != null) {
                    parallaxes.add(p.nose());
                    planarRms.add(p.planarRms());
                }
            }
        }
        d.put("frames_measured", parallaxes.size());
        if (parallaxes.isEmpty()) {
            return SubCheck.inconclusive(NAME, Reasons.NO_ROTATION, d);
        }
        double parallax = Stats.median(parallaxes);
        d.put("nose_parallax", Stats.round(parallax));
        d.put("nose_parallax_max", Stats.round(Stats.quantile(parallaxes, 1)));
        d.put("planar_rms", Stats.round(Stats.median(planarRms)));
        d.put("min_parallax", MIN_PARALLAX);
        return parallax >= MIN_PARALLAX ? SubCheck.pass(NAME, d) : SubCheck.fail(NAME, Reasons.FLAT_SURFACE, d);
    }

    /**
     * Frames where a rotation challenge was really performed (past its
     * threshold) and at least 80 % of the way to its peak: the best view of
     * depth. A rotation that never reached its threshold says nothing here
     * (the challenge check fails it anyway).
     */
    private static List<FrameObservation> strongFrames(AttemptEvidence evidence, ChallengeMeter meter, ChallengeTrace t) {
        List<FrameObservation> frames = new ArrayList<>();
        double threshold = Math.max(1.0, t.peakProgress() * 0.8);
        for (FrameObservation f : evidence.observations()) {
            if (f.hasSingleFace() && f.timestampMillis() >= t.issuedAt()
                    && (t.passedAt() < 0 || f.timestampMillis() <= t.passedAt())
                    && meter.progress(t.challenge(), f.face()) >= threshold) {
                frames.add(f);
            }
        }
        return frames;
    }

    record Parallax(double nose, double planarRms) {
    }

    static @Nullable Parallax measure(FaceLandmarks frontal, FaceLandmarks turned) {
        PlanarFit outline = PlanarFit.fit(frontal, turned, OUTLINE);
        PlanarFit whole = PlanarFit.fit(frontal, turned, ALL);
        if (outline == null || whole == null) {
            return null;
        }
        double scale = frontal.interocular();
        List<Double> nose = new ArrayList<>();
        for (int i : NOSE) {
            nose.add(outline.error(frontal, turned, i) / scale);
        }
        return new Parallax(Stats.median(nose), whole.rms(frontal, turned, ALL) / scale);
    }

    private static int[] allLandmarks() {
        int[] all = new int[FaceLandmarks.COUNT];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        return all;
    }
}
