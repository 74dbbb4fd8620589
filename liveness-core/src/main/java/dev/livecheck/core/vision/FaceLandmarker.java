package dev.livecheck.core.vision;

import static org.bytedeco.opencv.global.opencv_core.BORDER_CONSTANT;
import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.CV_64F;
import static org.bytedeco.opencv.global.opencv_dnn.blobFromImage;
import static org.bytedeco.opencv.global.opencv_dnn.readNetFromTFLite;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.WARP_INVERSE_MAP;
import static org.bytedeco.opencv.global.opencv_imgproc.warpAffine;

import java.nio.FloatBuffer;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.indexer.DoubleIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_core.StringVector;
import org.bytedeco.opencv.opencv_dnn.Net;

/**
 * MediaPipe Face Mesh (468 landmarks) through OpenCV DNN. The face is cropped
 * square around a detection, rotated so the eyes are level, scaled to 192x192,
 * and the model's landmarks are mapped back to image pixels.
 * Not thread-safe: one instance per thread.
 */
public final class FaceLandmarker implements AutoCloseable {

    public static final int INPUT = 192;

    private final Net net;
    private final StringVector outputNames;

    public FaceLandmarker(FaceVisionModels models) {
        byte[] bytes = models.landmarkerBytes();
        this.net = readNetFromTFLite(new BytePointer(bytes), bytes.length);
        this.outputNames = new StringVector("conv2d_21", "conv2d_31");
    }

    /** Landmarks of the face around a detection. */
    public FaceLandmarks landmarks(Mat bgr, FaceDetection detection) {
        return landmarks(bgr, FaceCrop.fromDetection(detection, INPUT), null);
    }

    /**
     * Landmarks of the face in a crop; if {@code cropOut} is given, it receives
     * the 192x192 BGR crop the model saw (for texture cues).
     */
    FaceLandmarks landmarks(Mat bgr, FaceCrop crop, Mat cropOut) {
        double[] m = crop.cropToImage();
        try (Mat affine = new Mat(2, 3, CV_64F); Mat input = cropOut != null ? null : new Mat()) {
            DoubleIndexer idx = affine.createIndexer();
            for (int i = 0; i < 6; i++) {
                idx.put(i / 3, i % 3, m[i]);
            }
            idx.close();
            Mat target = cropOut != null ? cropOut : input;
            warpAffine(bgr, target, affine, new Size(INPUT, INPUT), INTER_LINEAR | WARP_INVERSE_MAP,
                    BORDER_CONSTANT, new Scalar(0, 0, 0, 0));
            try (Mat blob = blobFromImage(target, 1 / 255.0, new Size(INPUT, INPUT), new Scalar(0, 0, 0, 0),
                    true, false, CV_32F); MatVector outs = new MatVector()) {
                net.setInput(blob);
                net.forward(outs, outputNames);
                return toImage(outs.get(0).createBuffer(), outs.get(1).createBuffer(), m, crop.scale());
            }
        }
    }

    private static FaceLandmarks toImage(FloatBuffer raw, FloatBuffer flag, double[] m, double scale) {
        float[] xyz = new float[FaceLandmarks.COUNT * 3];
        for (int i = 0; i < FaceLandmarks.COUNT; i++) {
            double u = raw.get(3 * i);
            double v = raw.get(3 * i + 1);
            xyz[3 * i] = (float) (m[0] * u + m[1] * v + m[2]);
            xyz[3 * i + 1] = (float) (m[3] * u + m[4] * v + m[5]);
            xyz[3 * i + 2] = (float) (raw.get(3 * i + 2) * scale);
        }
        float presence = (float) (1 / (1 + Math.exp(-flag.get(0))));
        return new FaceLandmarks(xyz, presence);
    }

    @Override
    public void close() {
        net.close();
    }
}
