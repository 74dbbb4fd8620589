package dev.livecheck.core.checks;

import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.CV_8U;
import static org.bytedeco.opencv.global.opencv_imgproc.createHanningWindow;
import static org.bytedeco.opencv.global.opencv_imgproc.phaseCorrelate;

import dev.livecheck.core.vision.FaceLandmarks;
import dev.livecheck.core.vision.FrameObservation;
import dev.livecheck.core.vision.ScreenSample;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point2d;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Size;
import org.jspecify.annotations.Nullable;

/**
 * The screen-replay cues of one attempt, each a named, explainable number
 * combined over its frames from their {@link ScreenSample}s. Independent
 * physics: the display's pixel grid (spectral), its tone curve and white
 * point (tone/colour), its edges (lines), its rigidity (motion) and its glass
 * (glare). {@link ScreenReplayModel} weighs them; docs/accuracy.md shows
 * their distributions on bona fide and replayed attempts.
 */
final class ScreenReplayCues {

    /** Mean number of the face's sides framed by long straight edges (the display-frame rule reads it too). */
    static final String BEZEL_SIDES = "bezel_sides";
    /** Mean number of the face's sides framed by a display's bezel, a dark band (the display-frame rule reads it). */
    static final String BEZEL_BANDS = "bezel_bands";
    /** Cue names, as reported in the {@code presentation} sub-check and used by the model. */
    static final List<String> NAMES = List.of("spectral_peak", "chroma_peak", "high_frequency", "black_level",
            "tone_range", "clipped_share", "white_balance", BEZEL_SIDES, BEZEL_BANDS, "lines_through_face",
            "rigid_motion", "surround_motion", "glare_static");

    /** Consecutive frames further apart than this are not compared for motion. */
    static final long MAX_PAIR_GAP_MS = 150;
    /** A band of the thumbnail must be at least this large on both sides to estimate its motion. */
    static final int MIN_BAND = 24;
    /** A highlight must stand this far (grey levels) above the face's median to count as glare. */
    static final int MIN_GLARE_PROMINENCE = 40;

    private ScreenReplayCues() {
    }

    /** The cue values (NaN where the attempt gives nothing to measure), in {@link #NAMES} order. */
    static Map<String, Double> measure(List<FrameObservation> observations) {
        List<FrameObservation> frames = new ArrayList<>();
        for (FrameObservation f : observations) {
            if (f.hasSingleFace() && f.screen() != null) {
                frames.add(f);
            }
        }
        // the display measurements are taken on a time cadence; motion and glare use every frame's thumbnail
        List<ScreenSample.Measures> sampled = new ArrayList<>();
        for (FrameObservation f : frames) {
            if (f.screen().measures() != null) {
                sampled.add(f.screen().measures());
            }
        }
        Map<String, Double> cues = new LinkedHashMap<>();
        cues.put("spectral_peak", median(sampled, s -> s.spectralPeak()));
        cues.put("chroma_peak", median(sampled, s -> s.chromaPeak()));
        cues.put("high_frequency", median(sampled, s -> s.highFrequency()));
        cues.put("black_level", median(sampled, s -> s.blackLevel()));
        cues.put("tone_range", median(sampled, s -> s.toneRange()));
        cues.put("clipped_share", median(sampled, s -> s.clippedShare()));
        cues.put("white_balance", median(sampled, s -> s.whiteBalance()));
        cues.put(BEZEL_SIDES, mean(sampled, s -> s.bezelSides()));
        cues.put(BEZEL_BANDS, mean(sampled, s -> s.bezelBands()));
        cues.put("lines_through_face", mean(sampled, s -> s.linesThroughFace() > 0 ? 1 : 0));
        double[] motion = motion(frames);
        cues.put("rigid_motion", motion[0]);
        cues.put("surround_motion", motion[1]);
        cues.put("glare_static", glareStatic(frames));
        return cues;
    }

    private interface Measure {
        double of(ScreenSample.Measures s);
    }

    private static double median(List<ScreenSample.Measures> sampled, Measure m) {
        List<Double> v = new ArrayList<>(sampled.size());
        sampled.forEach(s -> v.add(m.of(s)));
        return Stats.median(v);
    }

    private static double mean(List<ScreenSample.Measures> sampled, Measure m) {
        return sampled.stream().mapToDouble(m::of).average().orElse(Double.NaN);
    }

    /** Face centre in frame pixels: forehead, chin and both cheek edges, steadier than the detector's box. */
    private static double[] centre(FrameObservation f) {
        FaceLandmarks l = f.face().landmarks();
        int[] points = {FaceLandmarks.FOREHEAD, FaceLandmarks.CHIN, FaceLandmarks.RIGHT_CHEEK_EDGE,
            FaceLandmarks.LEFT_CHEEK_EDGE};
        double x = 0;
        double y = 0;
        for (int p : points) {
            x += l.x(p);
            y += l.y(p);
        }
        return new double[] {x / points.length, y / points.length};
    }

    /**
     * {share of the face's frame-to-frame motion explained by the motion of
     * what surrounds it, RMS motion of the surroundings in frame pixels}. The
     * surroundings' shift is the phase correlation of one thumbnail band
     * beside or above the face (the largest clear of every frame's face), so
     * one window serves the whole attempt. A display held in a hand moves face
     * and surroundings together (explained share near 1); a real room stays
     * still or shakes independently of a turning head (0 or below).
     */
    static double[] motion(List<FrameObservation> frames) {
        if (frames.size() < 6) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double scale = (double) frames.get(0).width() / ScreenSample.THUMB_W;
        Rect band = band(frames, 1 / scale);
        if (band == null) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double faceEnergy = 0;
        double residual = 0;
        double surroundEnergy = 0;
        int pairs = 0;
        try (Mat window = new Mat(); Mat previous = new Mat(); Mat current = new Mat()) {
            createHanningWindow(window, new Size(band.width(), band.height()), CV_32F);
            bandOf(frames.get(0), band, previous);
            for (int i = 1; i < frames.size(); i++) {
                FrameObservation a = frames.get(i - 1);
                FrameObservation b = frames.get(i);
                bandOf(b, band, current);
                if (b.timestampMillis() - a.timestampMillis() <= MAX_PAIR_GAP_MS && a.width() == b.width()) {
                    Point2d p = phaseCorrelate(previous, current, window, (double[]) null);
                    double sx = p.x() * scale;
                    double sy = p.y() * scale;
                    double[] ca = centre(a);
                    double[] cb = centre(b);
                    double fx = cb[0] - ca[0];
                    double fy = cb[1] - ca[1];
                    faceEnergy += fx * fx + fy * fy;
                    residual += (fx - sx) * (fx - sx) + (fy - sy) * (fy - sy);
                    surroundEnergy += sx * sx + sy * sy;
                    pairs++;
                }
                current.copyTo(previous);
            }
        }
        if (pairs < 5 || faceEnergy <= 0) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double explained = Math.max(-1, 1 - residual / faceEnergy);
        return new double[] {explained, Math.sqrt(surroundEnergy / pairs)};
    }

    private static void bandOf(FrameObservation f, Rect band, Mat out) {
        try (BytePointer data = new BytePointer(f.screen().thumbnail());
                Mat thumb = new Mat(ScreenSample.THUMB_H, ScreenSample.THUMB_W, CV_8U, data);
                Mat region = new Mat(thumb, band)) {
            region.convertTo(out, CV_32F);
        }
    }

    /** The largest of the bands left of, right of and above every frame's face (thumbnail pixels), or null. */
    private static Rect band(List<FrameObservation> frames, double toThumb) {
        double x0 = Double.MAX_VALUE;
        double y0 = Double.MAX_VALUE;
        double x1 = 0;
        for (FrameObservation f : frames) {
            var d = f.face().detection();
            x0 = Math.min(x0, d.x() * toThumb);
            y0 = Math.min(y0, d.y() * toThumb);
            x1 = Math.max(x1, (d.x() + d.width()) * toThumb);
        }
        double grow = 0.25 * (x1 - x0); // hair and ears move with the head: keep clear of them
        int left = (int) Math.floor(x0 - grow);
        int right = (int) Math.ceil(x1 + grow);
        int top = (int) Math.floor(y0 - grow);
        int w = ScreenSample.THUMB_W;
        int h = ScreenSample.THUMB_H;
        Rect best = null;
        int bestArea = 0;
        Rect[] candidates = {new Rect(0, 0, Math.max(0, left), h), new Rect(Math.min(w, right), 0,
                Math.max(0, w - right), h), new Rect(0, 0, w, Math.max(0, top))};
        for (Rect c : candidates) {
            // phaseCorrelate pads to a fast DFT size; an odd one (42 -> 45) reports a spurious half-pixel shift
            Rect r = new Rect(c.x(), c.y(), evenDftSize(c.width()), evenDftSize(c.height()));
            int area = r.width() * r.height();
            if (r.width() >= MIN_BAND && r.height() >= MIN_BAND && area > bestArea) {
                best = r;
                bestArea = area;
            }
        }
        return best;
    }

    /** The largest even 2^a 3^b 5^c not above n (a size the DFT uses as is), or 0. */
    static int evenDftSize(int n) {
        for (int m = n - (n & 1); m >= 2; m -= 2) {
            int k = m;
            for (int p : new int[] {2, 3, 5}) {
                while (k % p == 0) {
                    k /= p;
                }
            }
            if (k == 1) {
                return m;
            }
        }
        return 0;
    }

    /**
     * How much more a highlight on the face stays put in the frame than on
     * the face: log of (spread of its position relative to the face + 1) /
     * (spread of its position in the frame + 1), over frames with a prominent
     * highlight (at least 5 of them, else 0). A reflection on a display's
     * glass stays where it is while the face behind it turns (positive); a
     * highlight on skin moves with the face (negative or near 0).
     */
    static double glareStatic(List<FrameObservation> frames) {
        List<double[]> spots = new ArrayList<>();
        for (FrameObservation f : frames) {
            double[] spot = highlight(f);
            if (spot != null) {
                spots.add(spot);
            }
        }
        if (spots.size() < 5) {
            return 0;
        }
        double inFrame = spread(spots, 0);
        double onFace = spread(spots, 2);
        return Math.log((onFace + 1) / (inFrame + 1));
    }

    private static double spread(List<double[]> spots, int offset) {
        double mx = 0;
        double my = 0;
        for (double[] s : spots) {
            mx += s[offset];
            my += s[offset + 1];
        }
        mx /= spots.size();
        my /= spots.size();
        double v = 0;
        for (double[] s : spots) {
            v += Math.pow(s[offset] - mx, 2) + Math.pow(s[offset + 1] - my, 2);
        }
        return Math.sqrt(v / spots.size());
    }

    /**
     * The brightest 3x3 spot of the face box in the thumbnail, if it stands
     * out: {x, y in frame pixels, x, y relative to the face centre in frame pixels}.
     */
    private static double @Nullable [] highlight(FrameObservation f) {
        byte[] t = f.screen().thumbnail();
        double toThumb = (double) ScreenSample.THUMB_W / f.width();
        var d = f.face().detection();
        int x0 = Math.max(1, (int) (d.x() * toThumb));
        int y0 = Math.max(1, (int) (d.y() * toThumb));
        int x1 = Math.min(ScreenSample.THUMB_W - 1, (int) ((d.x() + d.width()) * toThumb));
        int y1 = Math.min(ScreenSample.THUMB_H - 1, (int) ((d.y() + d.height()) * toThumb));
        if (x1 - x0 < 6 || y1 - y0 < 6) {
            return null;
        }
        int[] hist = new int[256];
        int best = -1;
        int bx = 0;
        int by = 0;
        int n = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                int v = t[y * ScreenSample.THUMB_W + x] & 0xff;
                hist[v]++;
                n++;
                int sum = 0;
                for (int k = -1; k <= 1; k++) {
                    int r = (y + k) * ScreenSample.THUMB_W + x;
                    sum += (t[r - 1] & 0xff) + (t[r] & 0xff) + (t[r + 1] & 0xff);
                }
                if (sum > best) {
                    best = sum;
                    bx = x;
                    by = y;
                }
            }
        }
        int median = 0;
        for (int seen = 0; median < 255 && seen + hist[median] <= n / 2; median++) {
            seen += hist[median];
        }
        if (best / 9 - median < MIN_GLARE_PROMINENCE) {
            return null;
        }
        double[] c = centre(f);
        double x = bx / toThumb;
        double y = by / toThumb;
        return new double[] {x, y, x - c[0], y - c[1]};
    }
}
