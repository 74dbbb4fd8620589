package dev.livecheck.core.vision;

import static org.bytedeco.opencv.global.opencv_core.BORDER_CONSTANT;
import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.copyMakeBorder;
import static org.bytedeco.opencv.global.opencv_dnn.blobFromImage;
import static org.bytedeco.opencv.global.opencv_dnn.readNetFromTFLite;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_dnn.Net;
import org.bytedeco.opencv.opencv_core.StringVector;

/**
 * MediaPipe BlazeFace (short range) through OpenCV DNN. The frame is
 * letterboxed to 128x128 as MediaPipe does, the 896 SSD anchors are decoded
 * and overlapping boxes are merged by weighted non-maximum suppression.
 * Not thread-safe: one instance per thread.
 */
public final class FaceDetector implements AutoCloseable {

    static final int INPUT = 128;
    private static final float MIN_SCORE = 0.5f;
    private static final float NMS_IOU = 0.3f;
    private static final double TILE_FRACTION = 0.6;
    /** The small-face scan's overlapping tiles: a 2x2 grid. */
    static final int TILE_COUNT = 4;
    /**
     * Tiles see clothing and backgrounds up close, where the detector's weak
     * (0.5-0.6) false positives live; a real second face scores higher.
     */
    private static final float TILE_MIN_SCORE = 0.7f;
    private static final float[] ANCHORS = buildAnchors();

    private final Net net;
    private final StringVector outputNames;
    private final float minScore;

    public FaceDetector(FaceVisionModels models) {
        this(models, MIN_SCORE);
    }

    public FaceDetector(FaceVisionModels models, float minScore) {
        byte[] bytes = models.detectorBytes();
        this.net = readNetFromTFLite(new BytePointer(bytes), bytes.length);
        this.outputNames = new StringVector("regressors", "classificators");
        this.minScore = minScore;
    }

    /** All faces in a BGR image, most confident first. */
    public List<FaceDetection> detect(Mat bgr) {
        Letterbox box = Letterbox.of(bgr.cols(), bgr.rows(), INPUT);
        try (Mat resized = new Mat(); Mat padded = new Mat()) {
            resize(bgr, resized, new Size(box.scaledWidth(), box.scaledHeight()), 0, 0, INTER_AREA);
            copyMakeBorder(resized, padded, box.padTop(), INPUT - box.scaledHeight() - box.padTop(),
                    box.padLeft(), INPUT - box.scaledWidth() - box.padLeft(), BORDER_CONSTANT, new Scalar(0, 0, 0, 0));
            try (Mat blob = blobFromImage(padded, 1 / 127.5, new Size(INPUT, INPUT),
                    new Scalar(127.5, 127.5, 127.5, 0), true, false, CV_32F); MatVector outs = new MatVector()) {
                net.setInput(blob);
                net.forward(outs, outputNames);
                return decode(outs.get(0), outs.get(1), box);
            }
        }
    }

    /**
     * Small faces the whole-frame pass misses. At 128x128 the short-range
     * model needs a face about 90 px wide in a 640 px frame; four overlapping
     * tiles of 60 % of the frame see faces down to about 55 px. Returns the
     * detections in image coordinates (not merged with the whole-frame pass).
     */
    public List<FaceDetection> detectInTiles(Mat bgr) {
        List<FaceDetection> found = new ArrayList<>();
        for (int tile = 0; tile < TILE_COUNT; tile++) {
            found.addAll(detectInTile(bgr, tile));
        }
        return weightedNms(found);
    }

    /**
     * One of the {@link #TILE_COUNT} small-face tiles (0 top left, 1 top
     * right, 2 bottom left, 3 bottom right), so a tracker can spread a scan
     * over several frames.
     */
    List<FaceDetection> detectInTile(Mat bgr, int tile) {
        int tw = (int) Math.round(bgr.cols() * TILE_FRACTION);
        int th = (int) Math.round(bgr.rows() * TILE_FRACTION);
        int x0 = (tile % 2) * (bgr.cols() - tw);
        int y0 = (tile / 2) * (bgr.rows() - th);
        List<FaceDetection> found = new ArrayList<>();
        try (Mat region = new Mat(bgr, new Rect(x0, y0, tw, th))) {
            for (FaceDetection d : detect(region)) {
                if (d.score() >= TILE_MIN_SCORE) {
                    found.add(d.translated(x0, y0));
                }
            }
        }
        return found;
    }

    /** Number of distinct faces in the union of two detection lists. */
    public static int countDistinct(List<FaceDetection> a, List<FaceDetection> b) {
        List<FaceDetection> all = new ArrayList<>(a);
        all.addAll(b);
        return weightedNms(all).size();
    }

    private List<FaceDetection> decode(Mat regressors, Mat scores, Letterbox box) {
        FloatBuffer reg = regressors.createBuffer();
        FloatBuffer cls = scores.createBuffer();
        int count = ANCHORS.length / 2;
        List<FaceDetection> candidates = new ArrayList<>();
        for (int a = 0; a < count; a++) {
            float logit = Math.max(-100f, Math.min(100f, cls.get(a)));
            float score = (float) (1 / (1 + Math.exp(-logit)));
            if (score < minScore) {
                continue;
            }
            int o = a * 16;
            float ax = ANCHORS[2 * a];
            float ay = ANCHORS[2 * a + 1];
            float cx = reg.get(o) / INPUT + ax;
            float cy = reg.get(o + 1) / INPUT + ay;
            float w = reg.get(o + 2) / INPUT;
            float h = reg.get(o + 3) / INPUT;
            float[] kp = new float[12];
            for (int k = 0; k < 6; k++) {
                kp[2 * k] = box.toImageX(reg.get(o + 4 + 2 * k) / INPUT + ax);
                kp[2 * k + 1] = box.toImageY(reg.get(o + 5 + 2 * k) / INPUT + ay);
            }
            float x0 = box.toImageX(cx - w / 2);
            float y0 = box.toImageY(cy - h / 2);
            float x1 = box.toImageX(cx + w / 2);
            float y1 = box.toImageY(cy + h / 2);
            candidates.add(new FaceDetection(x0, y0, x1 - x0, y1 - y0, score, kp));
        }
        return weightedNms(candidates);
    }

    /** MediaPipe's weighted NMS: overlapping boxes are averaged by score. */
    static List<FaceDetection> weightedNms(List<FaceDetection> candidates) {
        List<FaceDetection> remaining = new ArrayList<>(candidates);
        remaining.sort(Comparator.comparingDouble(FaceDetection::score).reversed());
        List<FaceDetection> result = new ArrayList<>();
        while (!remaining.isEmpty()) {
            FaceDetection best = remaining.get(0);
            List<FaceDetection> cluster = new ArrayList<>();
            for (FaceDetection d : remaining) {
                if (best.iou(d) > NMS_IOU) {
                    cluster.add(d);
                }
            }
            remaining.removeAll(cluster);
            result.add(average(best, cluster));
        }
        return result;
    }

    private static FaceDetection average(FaceDetection best, List<FaceDetection> cluster) {
        float total = 0;
        float x = 0;
        float y = 0;
        float w = 0;
        float h = 0;
        float[] kp = new float[12];
        for (FaceDetection d : cluster) {
            float s = d.score();
            total += s;
            x += d.x() * s;
            y += d.y() * s;
            w += d.width() * s;
            h += d.height() * s;
            for (int k = 0; k < 12; k++) {
                kp[k] += d.keypoints()[k] * s;
            }
        }
        for (int k = 0; k < 12; k++) {
            kp[k] /= total;
        }
        return new FaceDetection(x / total, y / total, w / total, h / total, best.score(), kp);
    }

    /**
     * SSD anchors of the short-range model: a 16x16 grid with 2 anchors per
     * cell (stride 8) and an 8x8 grid with 6 (three stride-16 layers of 2).
     * Anchor sizes are fixed, so only centres are stored.
     */
    private static float[] buildAnchors() {
        float[] a = new float[896 * 2];
        int i = 0;
        int[][] layers = {{16, 2}, {8, 6}};
        for (int[] layer : layers) {
            int grid = layer[0];
            for (int y = 0; y < grid; y++) {
                for (int x = 0; x < grid; x++) {
                    for (int n = 0; n < layer[1]; n++) {
                        a[i++] = (x + 0.5f) / grid;
                        a[i++] = (y + 0.5f) / grid;
                    }
                }
            }
        }
        return a;
    }

    @Override
    public void close() {
        net.close();
    }

    /** How a frame is scaled and padded into the square model input. */
    record Letterbox(int width, int height, int scaledWidth, int scaledHeight, int padLeft, int padTop, int size) {

        static Letterbox of(int width, int height, int size) {
            double scale = (double) size / Math.max(width, height);
            int sw = Math.max(1, (int) Math.round(width * scale));
            int sh = Math.max(1, (int) Math.round(height * scale));
            return new Letterbox(width, height, sw, sh, (size - sw) / 2, (size - sh) / 2, size);
        }

        float toImageX(float normalized) {
            return (normalized * size - padLeft) * width / scaledWidth;
        }

        float toImageY(float normalized) {
            return (normalized * size - padTop) * height / scaledHeight;
        }
    }
}
