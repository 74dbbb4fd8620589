package dev.livecheck.core.checks;

import static org.bytedeco.opencv.global.opencv_calib3d.findHomography;
import static org.bytedeco.opencv.global.opencv_core.CV_32FC2;

import dev.livecheck.core.vision.FaceLandmarks;
import org.bytedeco.javacpp.indexer.DoubleIndexer;
import org.bytedeco.javacpp.indexer.FloatIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.jspecify.annotations.Nullable;

/**
 * The homography that best maps one frame's landmarks onto another's: the
 * motion a flat picture would make. How badly a face misses it is its depth.
 */
final class PlanarFit {

    private final double[] h;

    private PlanarFit(double[] h) {
        this.h = h;
    }

    /** Least-squares homography from {@code from} to {@code to} over the given landmark indices; null if degenerate. */
    static @Nullable PlanarFit fit(FaceLandmarks from, FaceLandmarks to, int[] indices) {
        try (Mat src = points(from, indices); Mat dst = points(to, indices); Mat hm = findHomography(src, dst)) {
            if (hm == null || hm.empty()) {
                return null;
            }
            double[] h = new double[9];
            try (DoubleIndexer idx = hm.createIndexer()) {
                for (int i = 0; i < 9; i++) {
                    h[i] = idx.get(i / 3, i % 3);
                }
            }
            return new PlanarFit(h);
        }
    }

    private static Mat points(FaceLandmarks l, int[] indices) {
        Mat m = new Mat(indices.length, 1, CV_32FC2);
        try (FloatIndexer idx = m.createIndexer()) {
            for (int i = 0; i < indices.length; i++) {
                idx.put(i, 0, 0, l.x(indices[i]));
                idx.put(i, 0, 1, l.y(indices[i]));
            }
        }
        return m;
    }

    /** Distance in pixels between where the plane puts landmark {@code i} of {@code from} and where it is in {@code to}. */
    double error(FaceLandmarks from, FaceLandmarks to, int i) {
        double x = from.x(i);
        double y = from.y(i);
        double w = h[6] * x + h[7] * y + h[8];
        double px = (h[0] * x + h[1] * y + h[2]) / w;
        double py = (h[3] * x + h[4] * y + h[5]) / w;
        return Math.hypot(px - to.x(i), py - to.y(i));
    }

    double rms(FaceLandmarks from, FaceLandmarks to, int[] indices) {
        double sum = 0;
        for (int i : indices) {
            double e = error(from, to, i);
            sum += e * e;
        }
        return Math.sqrt(sum / indices.length);
    }
}
