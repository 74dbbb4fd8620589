package dev.livecheck.core.vision;

import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.DFT_COMPLEX_OUTPUT;
import static org.bytedeco.opencv.global.opencv_core.dft;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2HSV;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;

import java.util.Arrays;
import org.bytedeco.javacpp.indexer.FloatIndexer;
import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;

/**
 * Image cues of a presented (printed or displayed) face, measured on the
 * 192x192 face crop.
 *
 * @param moire strongest isolated peak in the face's spectrum above the
 *     radial median, in log10 units: a screen's pixel grid re-captured by a
 *     camera leaves sharp off-axis peaks that skin does not have
 * @param glare fraction of face pixels that are near-white and unsaturated
 *     (specular reflection of a screen or glossy print)
 * @param saturation mean HSV saturation (0..1) of the face
 */
public record TextureCues(double moire, double glare, double saturation) {

    static final int PATCH = 128;

    static TextureCues measure(Mat cropBgr, Mat cropGray) {
        int offset = (cropGray.cols() - PATCH) / 2;
        Rect centre = new Rect(offset, offset, PATCH, PATCH);
        try (Mat patch = new Mat(cropGray, centre); Mat patchBgr = new Mat(cropBgr, centre)) {
            double[] hsv = glareAndSaturation(patchBgr);
            return new TextureCues(moirePeak(patch), hsv[0], hsv[1]);
        }
    }

    /**
     * Spectral peak test: magnitude spectrum of the windowed patch, compared
     * with the median magnitude at the same radius. Low frequencies (face
     * shape) and the axes (JPEG block edges, image borders) are ignored.
     */
    static double moirePeak(Mat patch) {
        int n = PATCH;
        float[] pixels = new float[n * n];
        try (Mat f = new Mat()) {
            patch.convertTo(f, CV_32F);
            try (FloatIndexer idx = f.createIndexer()) {
                idx.get(0, pixels);
            }
        }
        double avg = 0;
        for (float p : pixels) {
            avg += p;
        }
        avg /= pixels.length;
        for (int y = 0; y < n; y++) {
            double wy = 0.5 - 0.5 * Math.cos(2 * Math.PI * y / (n - 1));
            for (int x = 0; x < n; x++) {
                double wx = 0.5 - 0.5 * Math.cos(2 * Math.PI * x / (n - 1));
                pixels[y * n + x] = (float) ((pixels[y * n + x] - avg) * wx * wy);
            }
        }
        float[] spectrum = new float[n * n * 2];
        try (Mat in = new Mat(n, n, CV_32F); Mat out = new Mat()) {
            try (FloatIndexer idx = in.createIndexer()) {
                idx.put(0, pixels);
            }
            dft(in, out, DFT_COMPLEX_OUTPUT, 0);
            try (FloatIndexer idx = out.createIndexer()) {
                idx.get(0, spectrum);
            }
        }
        int maxRadius = n / 2;
        double[][] byRadius = new double[maxRadius + 1][];
        int[] counts = new int[maxRadius + 1];
        double[] logMag = new double[n * n];
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                int fy = y <= n / 2 ? y : y - n;
                int fx = x <= n / 2 ? x : x - n;
                int r = (int) Math.round(Math.hypot(fx, fy));
                double re = spectrum[2 * (y * n + x)];
                double im = spectrum[2 * (y * n + x) + 1];
                logMag[y * n + x] = Math.log10(Math.hypot(re, im) + 1e-3);
                if (r <= maxRadius) {
                    counts[r]++;
                }
            }
        }
        for (int r = 0; r <= maxRadius; r++) {
            byRadius[r] = new double[counts[r]];
            counts[r] = 0;
        }
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                int fy = y <= n / 2 ? y : y - n;
                int fx = x <= n / 2 ? x : x - n;
                int r = (int) Math.round(Math.hypot(fx, fy));
                if (r <= maxRadius) {
                    byRadius[r][counts[r]++] = logMag[y * n + x];
                }
            }
        }
        double[] median = new double[maxRadius + 1];
        for (int r = 0; r <= maxRadius; r++) {
            Arrays.sort(byRadius[r]);
            median[r] = byRadius[r].length == 0 ? 0 : byRadius[r][byRadius[r].length / 2];
        }
        double best = 0;
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                int fy = y <= n / 2 ? y : y - n;
                int fx = x <= n / 2 ? x : x - n;
                int r = (int) Math.round(Math.hypot(fx, fy));
                boolean nearAxis = Math.abs(fx) <= 1 || Math.abs(fy) <= 1;
                if (r < n / 8 || r > maxRadius || nearAxis) {
                    continue;
                }
                best = Math.max(best, logMag[y * n + x] - median[r]);
            }
        }
        return best;
    }

    private static double[] glareAndSaturation(Mat bgr) {
        try (Mat hsv = new Mat()) {
            cvtColor(bgr, hsv, COLOR_BGR2HSV);
            int total = hsv.rows() * hsv.cols();
            int glare = 0;
            long satSum = 0;
            try (UByteIndexer idx = hsv.createIndexer()) {
                for (int y = 0; y < hsv.rows(); y++) {
                    for (int x = 0; x < hsv.cols(); x++) {
                        int s = idx.get(y, x, 1);
                        int v = idx.get(y, x, 2);
                        satSum += s;
                        if (v >= 245 && s <= 40) {
                            glare++;
                        }
                    }
                }
            }
            return new double[] {(double) glare / total, satSum / 255.0 / total};
        }
    }
}
