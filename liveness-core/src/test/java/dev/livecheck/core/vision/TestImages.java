package dev.livecheck.core.vision;

import dev.livecheck.core.testkit.FaceLibrary;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_core.flip;
import static org.bytedeco.opencv.global.opencv_core.randu;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMWRITE_JPEG_QUALITY;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imencode;
import static org.bytedeco.opencv.global.opencv_imgproc.GaussianBlur;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/** Test images: the licensed face photos in {@code /faces/} and synthetic ones made here. */
final class TestImages {

    private TestImages() {
    }

    /** Every face photo listed in {@code faces/index.txt}, the same list the test kit renders. */
    static List<String> faceNames() {
        return FaceLibrary.index();
    }

    static byte[] resource(String path) {
        try (InputStream in = TestImages.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Mat face(String name) {
        return decode(resource("/faces/" + name));
    }

    static Mat decode(byte[] encoded) {
        try (Mat buf = new Mat(1, encoded.length, CV_8UC1, new BytePointer(encoded))) {
            Mat image = imdecode(buf, IMREAD_COLOR);
            if (image == null || image.empty()) {
                throw new IllegalStateException("test image does not decode");
            }
            return image;
        }
    }

    static byte[] jpeg(Mat bgr, int quality) {
        try (BytePointer out = new BytePointer(); IntPointer params = new IntPointer(IMWRITE_JPEG_QUALITY, quality)) {
            if (!imencode(".jpg", bgr, out, params)) {
                throw new IllegalStateException("JPEG encoding failed");
            }
            byte[] bytes = new byte[(int) out.limit()];
            out.get(bytes);
            return bytes;
        }
    }

    static byte[] png(Mat bgr) {
        try (BytePointer out = new BytePointer()) {
            if (!imencode(".png", bgr, out)) {
                throw new IllegalStateException("PNG encoding failed");
            }
            byte[] bytes = new byte[(int) out.limit()];
            out.get(bytes);
            return bytes;
        }
    }

    static Mat uniform(int width, int height, int gray) {
        return new Mat(height, width, CV_8UC3, new Scalar(gray, gray, gray, 0));
    }

    /** Uniform colour noise; the seed makes it repeatable. */
    static Mat noise(int width, int height, long seed) {
        Mat m = new Mat(height, width, CV_8UC3);
        org.bytedeco.opencv.global.opencv_core.theRNG().state(seed);
        randu(m, new Mat(1, 1, org.bytedeco.opencv.global.opencv_core.CV_64F, new Scalar(0)),
                new Mat(1, 1, org.bytedeco.opencv.global.opencv_core.CV_64F, new Scalar(256)));
        return m;
    }

    static Mat mirrored(Mat bgr) {
        Mat out = new Mat();
        flip(bgr, out, 1);
        return out;
    }

    /** Every pixel multiplied by {@code factor} (0..1 darkens). */
    static Mat scaled(Mat bgr, double factor) {
        Mat out = new Mat();
        bgr.convertTo(out, -1, factor, 0);
        return out;
    }

    static Mat blurred(Mat bgr, double sigma) {
        Mat out = new Mat();
        GaussianBlur(bgr, out, new Size(0, 0), sigma);
        return out;
    }
}
