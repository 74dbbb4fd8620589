package dev.livecheck.core.vision;

import static org.bytedeco.opencv.global.opencv_core.BORDER_REFLECT;
import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.DFT_COMPLEX_OUTPUT;
import static org.bytedeco.opencv.global.opencv_core.countNonZero;
import static org.bytedeco.opencv.global.opencv_core.dft;
import static org.bytedeco.opencv.global.opencv_core.inRange;
import static org.bytedeco.opencv.global.opencv_core.log;
import static org.bytedeco.opencv.global.opencv_core.magnitude;
import static org.bytedeco.opencv.global.opencv_core.mean;
import static org.bytedeco.opencv.global.opencv_core.multiply;
import static org.bytedeco.opencv.global.opencv_core.split;
import static org.bytedeco.opencv.global.opencv_core.subtract;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2HSV;
import static org.bytedeco.opencv.global.opencv_imgproc.blur;
import static org.bytedeco.opencv.global.opencv_imgproc.createHanningWindow;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;

import org.bytedeco.javacpp.indexer.FloatIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Image cues of a presented (printed or displayed) face, measured on the
 * central 128x128 of the 192x192 face crop.
 *
 * @param moire strongest isolated peak of the face's spectrum above its
 *     local neighbourhood, in natural-log units: a screen's pixel grid
 *     re-captured by a camera leaves sharp off-axis peaks that skin does not
 * @param glare fraction of face pixels that are near-white and unsaturated
 *     (specular reflection of a screen or glossy print)
 * @param saturation mean HSV saturation (0..1) of the face
 */
public record TextureCues(double moire, double glare, double saturation) {

    static final int PATCH = 128;
    /** Below this radius the spectrum is the face's shape, not texture. */
    private static final int MIN_RADIUS = PATCH / 8;
    private static final Mat WINDOW = hanning();

    static TextureCues measure(Mat cropBgr, Mat cropGray) {
        int offset = (cropGray.cols() - PATCH) / 2;
        Rect centre = new Rect(offset, offset, PATCH, PATCH);
        try (Mat patch = new Mat(cropGray, centre); Mat patchBgr = new Mat(cropBgr, centre)) {
            double[] hsv = glareAndSaturation(patchBgr);
            return new TextureCues(moirePeak(patch), hsv[0], hsv[1]);
        }
    }

    /**
     * Log-magnitude spectrum of the windowed patch minus its 7x7 local mean:
     * a smooth spectrum (skin, blur, noise) gives small values everywhere, a
     * periodic pattern a sharp peak. Low frequencies and the two axes (JPEG
     * block edges and crop borders put energy there) are ignored.
     */
    static double moirePeak(Mat patch) {
        try (Mat f = new Mat(); Mat windowed = new Mat(); Mat spectrum = new Mat(); MatVector parts = new MatVector();
                Mat mag = new Mat(); Mat local = new Mat(); Mat peaks = new Mat()) {
            patch.convertTo(f, CV_32F, 1, -mean(patch).get(0));
            multiply(f, WINDOW, windowed);
            dft(windowed, spectrum, DFT_COMPLEX_OUTPUT, 0);
            split(spectrum, parts);
            magnitude(parts.get(0), parts.get(1), mag);
            mag.convertTo(mag, -1, 1, 1e-3);
            log(mag, mag);
            blur(mag, local, new Size(7, 7), new Point(-1, -1), BORDER_REFLECT);
            subtract(mag, local, peaks);
            return strongestOffAxisPeak(peaks);
        }
    }

    private static double strongestOffAxisPeak(Mat peaks) {
        int n = PATCH;
        float[] v = new float[n * n];
        try (FloatIndexer idx = peaks.createIndexer()) {
            idx.get(0, v);
        }
        double best = 0;
        // The spectrum of a real image is symmetric: half of it (fy >= 0) is enough.
        for (int y = 0; y <= n / 2; y++) {
            for (int x = 0; x < n; x++) {
                int fx = x <= n / 2 ? x : x - n;
                if (Math.abs(fx) <= 1 || y <= 1 || fx * fx + y * y < MIN_RADIUS * MIN_RADIUS) {
                    continue;
                }
                best = Math.max(best, v[y * n + x]);
            }
        }
        return best;
    }

    private static double[] glareAndSaturation(Mat bgr) {
        try (Mat hsv = new Mat(); Mat glare = new Mat()) {
            cvtColor(bgr, hsv, COLOR_BGR2HSV);
            inRange(hsv, new Mat(new Scalar(0, 0, 245, 0)), new Mat(new Scalar(180, 40, 255, 0)), glare);
            double total = (double) hsv.rows() * hsv.cols();
            return new double[] {countNonZero(glare) / total, mean(hsv).get(1) / 255.0};
        }
    }

    private static Mat hanning() {
        Mat w = new Mat();
        createHanningWindow(w, new Size(PATCH, PATCH), CV_32F);
        return w;
    }
}
