package dev.livecheck.core.vision;

import static org.bytedeco.opencv.global.opencv_core.BORDER_CONSTANT;
import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.CV_64F;
import static org.bytedeco.opencv.global.opencv_dnn.blobFromImage;
import static org.bytedeco.opencv.global.opencv_dnn.readNetFromONNX;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.warpAffine;

import java.nio.FloatBuffer;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.indexer.DoubleIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_dnn.Net;
import org.jspecify.annotations.Nullable;

/**
 * A learned face embedding: Faceplugin's {@code fr_feature.onnx} (an
 * ArcFace-style recognition network, 112x112 RGB in, 512 floats out) through
 * OpenCV DNN. Two photos of one person give nearby unit vectors, two people
 * distant ones; {@link #distance} is the cosine distance.
 *
 * <p>Preprocessing follows the package's own {@code lib/fr_feature.js}: the
 * face is warped onto the standard ArcFace five-point template of a 112x112
 * crop (eye centres, nose tip, mouth corners; black outside the image), RGB
 * order, {@code (v - 127) / 128}. The package fits an affine transform to the
 * first three points; here a least-squares similarity transform is fitted to
 * all five, the usual ArcFace alignment, which does not shear a turned face.
 *
 * <p>Not thread-safe (it owns an OpenCV {@code Net}): one instance per thread.
 */
public final class FaceEmbedder implements AutoCloseable {

    public static final int INPUT = 112;
    public static final int DIMENSIONS = 512;

    /** ArcFace's reference points in a 112x112 crop: left eye, right eye (as seen), nose tip, mouth corners. */
    static final double[][] TEMPLATE = {
        {38.2946, 51.6963}, {73.5318, 51.5014}, {56.0252, 71.7366}, {41.5493, 92.3655}, {70.7299, 92.2041}};

    /** Face Mesh landmarks averaged into the five template points. */
    static final int[][] FIVE_POINTS = {
        {33, 133, 159, 145},   // eye on the image's left: corners and lid middles
        {362, 263, 386, 374},  // eye on the image's right
        {1},                   // nose tip
        {61, 78},              // mouth corner on the left: outer and inner
        {291, 308}};           // mouth corner on the right

    private final Net net;

    public FaceEmbedder(FaceVisionModels models) {
        byte[] bytes = models.embedderBytes();
        this.net = readNetFromONNX(new BytePointer(bytes), bytes.length);
    }

    /**
     * The unit-length embedding of the face these landmarks describe in this
     * BGR image, or null if there is nothing to embed (an empty image,
     * degenerate landmarks, or a network output that is not a finite vector).
     */
    public float @Nullable [] embed(Mat bgr, FaceLandmarks landmarks) {
        if (bgr == null || bgr.empty() || bgr.channels() != 3 || landmarks == null) {
            return null;
        }
        double[] m = alignment(landmarks);
        if (m == null) {
            return null;
        }
        try (Mat affine = new Mat(2, 3, CV_64F); Mat crop = new Mat()) {
            try (DoubleIndexer idx = affine.createIndexer()) {
                for (int i = 0; i < 6; i++) {
                    idx.put(i / 3, i % 3, m[i]);
                }
            }
            warpAffine(bgr, crop, affine, new Size(INPUT, INPUT), INTER_LINEAR, BORDER_CONSTANT,
                    new Scalar(0, 0, 0, 0));
            return embedAligned(crop);
        }
    }

    /** The embedding of an already aligned 112x112 BGR crop, or null. */
    float @Nullable [] embedAligned(Mat crop) {
        try (Mat blob = blobFromImage(crop, 1 / 128.0, new Size(INPUT, INPUT), new Scalar(127, 127, 127, 0),
                true, false, CV_32F)) {
            net.setInput(blob);
            try (Mat out = net.forward()) {
                if (out.total() != DIMENSIONS) {
                    return null;
                }
                FloatBuffer buffer = out.createBuffer();
                float[] v = new float[DIMENSIONS];
                buffer.get(v);
                return unit(v);
            }
        }
    }

    /**
     * The 2x3 matrix (row-major) of the least-squares similarity transform
     * taking the five landmark points to the template, or null if the points
     * are degenerate (not finite, or all in one place).
     */
    static double[] alignment(FaceLandmarks l) {
        int n = TEMPLATE.length;
        double[] sx = new double[n];
        double[] sy = new double[n];
        for (int k = 0; k < n; k++) {
            for (int index : FIVE_POINTS[k]) {
                sx[k] += l.x(index);
                sy[k] += l.y(index);
            }
            sx[k] /= FIVE_POINTS[k].length;
            sy[k] /= FIVE_POINTS[k].length;
        }
        return similarity(sx, sy, TEMPLATE);
    }

    /** Umeyama's closed form in 2D: dst ~ s R src + t. */
    static double @Nullable [] similarity(double[] sx, double[] sy, double[][] dst) {
        int n = sx.length;
        double msx = 0;
        double msy = 0;
        double mdx = 0;
        double mdy = 0;
        for (int k = 0; k < n; k++) {
            msx += sx[k];
            msy += sy[k];
            mdx += dst[k][0];
            mdy += dst[k][1];
        }
        msx /= n;
        msy /= n;
        mdx /= n;
        mdy /= n;
        double a = 0;
        double b = 0;
        double var = 0;
        for (int k = 0; k < n; k++) {
            double px = sx[k] - msx;
            double py = sy[k] - msy;
            double qx = dst[k][0] - mdx;
            double qy = dst[k][1] - mdy;
            a += px * qx + py * qy;
            b += px * qy - py * qx;
            var += px * px + py * py;
        }
        if (!Double.isFinite(var) || !Double.isFinite(a) || !Double.isFinite(b) || var < 1e-6) {
            return null;
        }
        double c = a / var;  // s cos(theta)
        double s = b / var;  // s sin(theta)
        return new double[] {c, -s, mdx - (c * msx - s * msy), s, c, mdy - (s * msx + c * msy)};
    }

    private static float @Nullable [] unit(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        norm = Math.sqrt(norm);
        if (!Double.isFinite(norm) || norm < 1e-9) {
            return null;
        }
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (v[i] / norm);
        }
        return v;
    }

    /** Cosine distance of two unit embeddings: 0 identical, 1 unrelated, 2 opposite. */
    public static double distance(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("embeddings of different sizes: " + a.length + " and " + b.length);
        }
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        return 1 - dot;
    }

    @Override
    public void close() {
        net.close();
    }
}
