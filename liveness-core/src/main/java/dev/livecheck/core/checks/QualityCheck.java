package dev.livecheck.core.checks;

import dev.livecheck.core.attempt.AttemptEvidence;
import dev.livecheck.core.attempt.AttemptSettings;
import dev.livecheck.core.report.Reasons;
import dev.livecheck.core.report.SubCheck;
import dev.livecheck.core.vision.FrameObservation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Could the engine see one usable face? A stream with two faces in many
 * frames, too dark, too blurred, or never steady and frontal cannot be judged
 * and never passes silently: it fails this check (NOT_AVAILABLE).
 */
public final class QualityCheck {

    public static final String NAME = "quality";
    /** Share of analysed frames with a second face that makes the attempt unjudgeable. */
    static final double MAX_MULTI_FACE_SHARE = 0.10;
    /** Share of undecodable frames above which the stream is considered broken. */
    static final double MAX_REJECTED_SHARE = 0.30;
    /** Variance of the Laplacian on the 192 px face crop; below it no detail survives. */
    static final double MIN_SHARPNESS = 4.0;

    private final AttemptSettings settings;

    public QualityCheck(AttemptSettings settings) {
        this.settings = settings;
    }

    public SubCheck evaluate(AttemptEvidence evidence) {
        List<FrameObservation> frames = evidence.observations();
        int total = frames.size();
        int noFace = 0;
        int multi = 0;
        List<Double> brightness = new ArrayList<>();
        List<Double> sharpness = new ArrayList<>();
        List<Double> width = new ArrayList<>();
        for (FrameObservation f : frames) {
            if (f.faceCount() > 1) {
                multi++;
            }
            if (f.face() == null) {
                noFace++;
                continue;
            }
            brightness.add(f.face().brightness());
            sharpness.add(f.face().sharpness());
            width.add((double) f.face().landmarks().faceWidth());
        }
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("frames", total + evidence.rejectedFrames());
        d.put("analyzed_frames", total);
        d.put("rejected_frames", evidence.rejectedFrames());
        d.put("repeated_frames", evidence.repeatedFrames());
        d.put("no_face_share", share(noFace, total));
        d.put("multiple_faces_share", share(multi, total));
        d.put("median_face_brightness", Stats.round(Stats.median(brightness)));
        d.put("median_sharpness", Stats.round(Stats.median(sharpness)));
        d.put("median_face_width_px", Stats.round(Stats.median(width)));
        d.put("locked", evidence.baseline() != null);
        String problem = problem(evidence, total, noFace, multi, brightness, sharpness);
        return problem == null ? SubCheck.pass(NAME, d) : SubCheck.fail(NAME, problem, d);
    }

    private String problem(AttemptEvidence evidence, int total, int noFace, int multi,
            List<Double> brightness, List<Double> sharpness) {
        int all = total + evidence.rejectedFrames();
        if (all == 0 || evidence.rejectedFrames() > MAX_REJECTED_SHARE * all) {
            return Reasons.BAD_FRAMES;
        }
        if (multi > MAX_MULTI_FACE_SHARE * total) {
            return Reasons.MULTIPLE_FACES;
        }
        if (noFace == total) {
            return Reasons.NO_FACE;
        }
        double light = Stats.median(brightness);
        if (light < settings.minBrightness()) {
            return Reasons.TOO_DARK;
        }
        if (light > settings.maxBrightness()) {
            return Reasons.TOO_BRIGHT;
        }
        if (Stats.median(sharpness) < MIN_SHARPNESS) {
            return Reasons.TOO_BLURRY;
        }
        return evidence.baseline() == null ? Reasons.NO_USABLE_FACE : null;
    }

    private static double share(int part, int total) {
        return total == 0 ? 0 : Stats.round((double) part / total);
    }
}
