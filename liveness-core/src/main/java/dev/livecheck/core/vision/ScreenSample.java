package dev.livecheck.core.vision;

import static org.bytedeco.opencv.global.opencv_core.BORDER_REFLECT;
import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.DFT_COMPLEX_OUTPUT;
import static org.bytedeco.opencv.global.opencv_core.dft;
import static org.bytedeco.opencv.global.opencv_core.log;
import static org.bytedeco.opencv.global.opencv_core.magnitude;
import static org.bytedeco.opencv.global.opencv_core.multiply;
import static org.bytedeco.opencv.global.opencv_core.split;
import static org.bytedeco.opencv.global.opencv_core.subtract;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.Canny;
import static org.bytedeco.opencv.global.opencv_imgproc.HoughLinesP;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_NEAREST;
import static org.bytedeco.opencv.global.opencv_imgproc.blur;
import static org.bytedeco.opencv.global.opencv_imgproc.createHanningWindow;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import org.bytedeco.javacpp.indexer.FloatIndexer;
import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar4i;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_imgproc.Vec4iVector;
import org.jspecify.annotations.Nullable;

/**
 * What one frame shows that a re-captured display would change, for the
 * {@code presentation} check's screen-replay cues (which combine them over
 * the attempt): a grey thumbnail of every frame with a face, and on a time
 * cadence ({@link FaceTracker#PRESENTATION_SAMPLE_EVERY_MILLIS}) the
 * {@link Measures} around the face, about 1.5 ms each.
 *
 * @param thumbnail the whole frame, grey, {@link #THUMB_W}x{@link #THUMB_H}:
 *     the attempt compares consecutive ones to see whether what surrounds the
 *     face moves with it (a display is one rigid plane) and whether a
 *     highlight stays put while the face turns (glare on glass); made on
 *     every frame (0.08 ms), because motion needs neighbouring frames
 * @param measures the per-frame display measurements, or null on frames
 *     between two samples of the cadence
 */
public record ScreenSample(byte[] thumbnail, @Nullable Measures measures) {

    /**
     * The display measurements of one frame.
     *
     * @param spectralPeak strongest isolated off-axis spectral peak of a 64x64
     *     patch of the face centre, at full resolution, over the B, G and R
     *     channels (log units above the local spectrum): a display's pixel grid
     *     aliasing in any orientation and any channel (the older {@code moire}
     *     cue looks at the luma of the face crop rescaled to 192 pixels, a
     *     second scale)
     * @param chromaPeak the same on the red-minus-blue difference, where a
     *     display's R/G/B subpixel stripes show as colour fringes skin lacks
     * @param highFrequency log ratio of the face patch's spectral energy in the
     *     top band (above 5/8 of Nyquist) to the middle band: a re-captured
     *     picture has been blurred, compressed and resampled twice
     * @param blackLevel 1st percentile of luma around the face (a display's
     *     black is lifted; a real scene has shadows)
     * @param toneRange 99th minus 1st percentile of luma around the face
     * @param clippedShare share of those pixels with a channel at 250 or more
     * @param whiteBalance mean (B - R) / (B + G + R) of the brightest 5 % of
     *     pixels around the face: a display's white point is usually bluer than
     *     skin lit by the room
     * @param bezelSides how many sides of the face (left, right, above, below)
     *     have a long straight edge beyond the face that spans it: a display's
     *     edges and bezel enclose the face, a room's door or shelf rarely on three sides
     * @param bezelBands how many of those sides have an edge that borders a
     *     dark, even, narrow band ({@link BezelBand}): a display's bezel, which a
     *     room's door, shelf or wall joint is not
     * @param linesThroughFace long straight edges that cut through the face's
     *     inner region (a display edge or reflection; faces have none)
     */
    public record Measures(
            double spectralPeak,
            double chromaPeak,
            double highFrequency,
            double blackLevel,
            double toneRange,
            double clippedShare,
            double whiteBalance,
            int bezelSides,
            int bezelBands,
            int linesThroughFace) {
    }

    public static final int THUMB_W = 160;
    public static final int THUMB_H = 120;
    static final int PATCH = 64;
    private static final int MIN_RADIUS = PATCH / 8;
    private static final Mat WINDOW = hanning();

    /**
     * The grey thumbnail of a decoded BGR frame ({@link #THUMB_W}x{@link #THUMB_H}, bilinear rather than area
     * averaging: a quarter of the cost, and smooth enough for edges, shifts and the frame's mean brightness).
     */
    public static Mat thumbnail(Mat bgr) {
        Mat gray = new Mat();
        try (Mat small = new Mat()) {
            resize(bgr, small, new Size(THUMB_W, THUMB_H), 0, 0, INTER_LINEAR);
            cvtColor(small, gray, COLOR_BGR2GRAY);
        }
        return gray;
    }

    /** Measures a decoded BGR frame around its main face (the thumbnail made here too). */
    public static ScreenSample measure(Mat bgr, FaceDetection face) {
        try (Mat gray = thumbnail(bgr)) {
            return measure(bgr, gray, face);
        }
    }

    /** Measures a decoded BGR frame around its main face, given the frame's {@link #thumbnail}. */
    public static ScreenSample measure(Mat bgr, Mat thumbnail, FaceDetection face) {
        double scale = (double) THUMB_W / bgr.cols();
        FramingEdges lines = straightLines(thumbnail, face.x() * scale, face.y() * scale, face.width() * scale,
                face.height() * scale);
        double[] spectral = spectral(bgr, face);
        double[] tone = tone(bgr, face);
        return new ScreenSample(bytes(thumbnail), new Measures(spectral[0], spectral[1], spectral[2], tone[0],
                tone[1], tone[2], tone[3], lines.sides(), lines.bands(), lines.through()));
    }

    /** A frame between two samples of the cadence: its thumbnail only. */
    public static ScreenSample thumbnailOnly(Mat thumbnail) {
        return new ScreenSample(bytes(thumbnail), null);
    }

    private static byte[] bytes(Mat thumbnail) {
        byte[] thumb = new byte[THUMB_W * THUMB_H];
        thumbnail.data().get(thumb);
        return thumb;
    }

    /** What the long straight edges of the thumbnail say: see {@link Measures} for each count. */
    private record FramingEdges(int sides, int bands, int through) {
    }

    private static FramingEdges straightLines(Mat gray, double fx, double fy, double fw, double fh) {
        try (Mat edges = new Mat(); Vec4iVector found = new Vec4iVector(); UByteIndexer pixels = gray.createIndexer()) {
            Canny(gray, edges, 40, 120);
            double minLength = Math.max(12, 0.6 * fh);
            // most of a line's length must be edge pixels: textured rooms and hair make short random runs
            HoughLinesP(edges, found, 1, Math.PI / 180, (int) Math.round(0.8 * minLength), minLength, 3);
            // left, right, above, below
            boolean[] framed = new boolean[4];
            boolean[] banded = new boolean[4];
            int through = 0;
            for (long i = 0; i < found.size(); i++) {
                Scalar4i line = found.get(i);
                double x1 = line.get(0);
                double y1 = line.get(1);
                double x2 = line.get(2);
                double y2 = line.get(3);
                boolean vertical = Math.abs(x2 - x1) < 0.3 * Math.abs(y2 - y1);
                int side = sideOfFace(x1, y1, x2, y2, vertical, fx, fy, fw, fh);
                if (side >= 0) {
                    framed[side] = true;
                    if (!banded[side]) {
                        banded[side] = BezelBand.along(pixels, gray.cols(), gray.rows(), x1, y1, x2, y2, vertical);
                    }
                }
                if (crossesInner(x1, y1, x2, y2, fx + 0.2 * fw, fy + 0.2 * fh, 0.6 * fw, 0.6 * fh)) {
                    through++;
                }
            }
            return new FramingEdges(count(framed), count(banded), through);
        }
    }

    /**
     * Which side of the face a long edge frames (0 left, 1 right, 2 above, 3 below), or -1: a vertical or horizontal
     * edge beyond the face that overlaps most of the face's extent along it.
     */
    private static int sideOfFace(double x1, double y1, double x2, double y2, boolean vertical, double fx, double fy,
            double fw, double fh) {
        boolean horizontal = Math.abs(y2 - y1) < 0.3 * Math.abs(x2 - x1);
        if (vertical && overlap(Math.min(y1, y2), Math.max(y1, y2), fy, fy + fh) > 0.6 * fh) {
            return Math.max(x1, x2) < fx - 0.1 * fw ? 0 : Math.min(x1, x2) > fx + 1.1 * fw ? 1 : -1;
        }
        if (horizontal && overlap(Math.min(x1, x2), Math.max(x1, x2), fx, fx + fw) > 0.6 * fw) {
            return Math.max(y1, y2) < fy - 0.1 * fh ? 2 : Math.min(y1, y2) > fy + 1.1 * fh ? 3 : -1;
        }
        return -1;
    }

    private static int count(boolean[] sides) {
        int n = 0;
        for (boolean side : sides) {
            n += side ? 1 : 0;
        }
        return n;
    }

    private static double overlap(double a0, double a1, double b0, double b1) {
        return Math.max(0, Math.min(a1, b1) - Math.max(a0, b0));
    }

    /** Whether the segment passes through the rectangle (sampled; segments are short). */
    private static boolean crossesInner(double x1, double y1, double x2, double y2, double rx, double ry, double rw,
            double rh) {
        for (int k = 0; k <= 16; k++) {
            double x = x1 + (x2 - x1) * k / 16;
            double y = y1 + (y2 - y1) * k / 16;
            if (x >= rx && x <= rx + rw && y >= ry && y <= ry + rh) {
                return true;
            }
        }
        return false;
    }

    /** {peak over channels and scales, red-minus-blue peak, high/mid band energy log ratio}. */
    static double[] spectral(Mat bgr, FaceDetection face) {
        int cx = Math.round(face.centerX());
        int cy = Math.round(face.centerY());
        Rect full = clampedSquare(cx, cy, PATCH, bgr);
        if (full == null) {
            return new double[] {0, 0, 0};
        }
        try (Mat patch = new Mat(bgr, full); MatVector channels = new MatVector(); Mat f = new Mat();
                Mat red = new Mat(); Mat blue = new Mat(); Mat diff = new Mat()) {
            split(patch, channels);
            double peak = 0;
            double[] bands = null;
            for (int c = 0; c < 3; c++) {
                channels.get(c).convertTo(f, CV_32F);
                double[] r = peakAndBands(f);
                peak = Math.max(peak, r[0]);
                if (c == 1) {
                    bands = r; // green carries most of the luma detail
                }
            }
            channels.get(2).convertTo(red, CV_32F);
            channels.get(0).convertTo(blue, CV_32F);
            subtract(red, blue, diff);
            double chroma = peakAndBands(diff)[0];
            return new double[] {peak, chroma, Math.log((bands[2] + 1e-6) / (bands[1] + 1e-6))};
        }
    }

    private static @Nullable Rect clampedSquare(int cx, int cy, int side, Mat image) {
        if (image.cols() < side || image.rows() < side) {
            return null;
        }
        int x = Math.max(0, Math.min(image.cols() - side, cx - side / 2));
        int y = Math.max(0, Math.min(image.rows() - side, cy - side / 2));
        return new Rect(x, y, side, side);
    }

    /** {strongest isolated off-axis peak, mid-band energy, top-band energy} of a 64x64 float patch. */
    private static double[] peakAndBands(Mat patch) {
        try (Mat centred = new Mat(); Mat windowed = new Mat(); Mat spectrum = new Mat(); MatVector parts = new MatVector();
                Mat mag = new Mat(); Mat logMag = new Mat(); Mat local = new Mat(); Mat peaks = new Mat()) {
            patch.convertTo(centred, CV_32F, 1, -org.bytedeco.opencv.global.opencv_core.mean(patch).get(0));
            multiply(centred, WINDOW, windowed);
            dft(windowed, spectrum, DFT_COMPLEX_OUTPUT, 0);
            split(spectrum, parts);
            magnitude(parts.get(0), parts.get(1), mag);
            mag.convertTo(logMag, -1, 1, 1e-3);
            log(logMag, logMag);
            blur(logMag, local, new Size(5, 5), new Point(-1, -1), BORDER_REFLECT);
            subtract(logMag, local, peaks);
            int n = PATCH;
            float[] p = new float[n * n];
            float[] m = new float[n * n];
            try (FloatIndexer pi = peaks.createIndexer(); FloatIndexer mi = mag.createIndexer()) {
                pi.get(0, p);
                mi.get(0, m);
            }
            double best = 0;
            double mid = 0;
            double top = 0;
            for (int y = 0; y <= n / 2; y++) {
                for (int x = 0; x < n; x++) {
                    int fx = x <= n / 2 ? x : x - n;
                    int r2 = fx * fx + y * y;
                    double e = (double) m[y * n + x] * m[y * n + x];
                    if (r2 >= (n / 8) * (n / 8) && r2 < (5 * n / 16) * (5 * n / 16)) {
                        mid += e;
                    } else if (r2 >= (5 * n / 16) * (5 * n / 16)) {
                        top += e;
                    }
                    if (Math.abs(fx) <= 1 || y <= 1 || r2 < MIN_RADIUS * MIN_RADIUS) {
                        continue;
                    }
                    best = Math.max(best, p[y * n + x]);
                }
            }
            return new double[] {best, mid, top};
        }
    }

    /** {black level, tone range, clipped share, white balance} of the face box grown by half, every 2nd pixel. */
    static double[] tone(Mat bgr, FaceDetection face) {
        int x0 = Math.max(0, Math.round(face.x() - 0.25f * face.width()));
        int y0 = Math.max(0, Math.round(face.y() - 0.25f * face.height()));
        int x1 = Math.min(bgr.cols(), Math.round(face.x() + 1.25f * face.width()));
        int y1 = Math.min(bgr.rows(), Math.round(face.y() + 1.25f * face.height()));
        if (x1 - x0 < 8 || y1 - y0 < 8) {
            return new double[] {0, 0, 0, 0};
        }
        int w = (x1 - x0) / 2;
        int h = (y1 - y0) / 2;
        byte[] px = new byte[w * h * 3];
        // one native call picks every second pixel (no averaging: the darkest and brightest pixels must survive)
        try (Mat roi = new Mat(bgr, new Rect(x0, y0, x1 - x0, y1 - y0)); Mat half = new Mat()) {
            resize(roi, half, new Size(w, h), 0, 0, INTER_NEAREST);
            half.data().get(px);
        }
        int count = w * h;
        int[] hist = new int[256];
        int clipped = 0;
        short[] luma = new short[count];
        for (int i = 0; i < count; i++) {
            int b = px[3 * i] & 0xff;
            int g = px[3 * i + 1] & 0xff;
            int r = px[3 * i + 2] & 0xff;
            int l = (29 * b + 150 * g + 77 * r) >> 8;
            hist[l]++;
            luma[i] = (short) l;
            if (b >= 250 || g >= 250 || r >= 250) {
                clipped++;
            }
        }
        int p1 = percentile(hist, count, 0.01);
        int p95 = percentile(hist, count, 0.95);
        int p99 = percentile(hist, count, 0.99);
        double sum = 0;
        int bright = 0;
        for (int i = 0; i < count; i++) {
            if (luma[i] >= p95) {
                int b = px[3 * i] & 0xff;
                int r = px[3 * i + 2] & 0xff;
                sum += (b - r) / (double) (b + (px[3 * i + 1] & 0xff) + r + 1);
                bright++;
            }
        }
        return new double[] {p1, p99 - p1, (double) clipped / count, bright == 0 ? 0 : sum / bright};
    }

    private static int percentile(int[] hist, int count, double q) {
        long target = Math.round(q * (count - 1));
        long seen = 0;
        for (int v = 0; v < 256; v++) {
            seen += hist[v];
            if (seen > target) {
                return v;
            }
        }
        return 255;
    }

    private static Mat hanning() {
        Mat w = new Mat();
        createHanningWindow(w, new Size(PATCH, PATCH), CV_32F);
        return w;
    }
}
