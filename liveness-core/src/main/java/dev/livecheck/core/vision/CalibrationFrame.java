package dev.livecheck.core.vision;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMWRITE_JPEG_QUALITY;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imencode;

import java.util.Random;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * A camera-like 640x480 JPEG made on the spot for {@link FrameAnalyzer#measureCost}: smooth shading, edges and
 * sensor noise at quality 85, so it decodes about as slowly as a webcam frame of the capture protocol (about 50 KB)
 * rather than as fast as a flat picture. Shipping a real picture would need its own provenance for no gain: what the
 * networks cost does not depend on the content.
 */
final class CalibrationFrame {

    static final int WIDTH = 640;
    static final int HEIGHT = 480;
    private static final int QUALITY = 85;

    private CalibrationFrame() {
    }

    static byte[] jpeg() {
        Random noise = new Random(640480);
        try (Mat bgr = new Mat(HEIGHT, WIDTH, CV_8UC3); UByteIndexer px = bgr.createIndexer()) {
            for (int y = 0; y < HEIGHT; y++) {
                for (int x = 0; x < WIDTH; x++) {
                    double dx = (x - WIDTH / 2.0) / 130;
                    double dy = (y - HEIGHT / 2.0) / 170;
                    double oval = dx * dx + dy * dy < 1 ? 60 : 0; // a bright oval on a shaded wall
                    double shade = 80 + 0.15 * x + 0.1 * y + oval + 12 * Math.sin(x / 9.0) * Math.cos(y / 13.0);
                    for (int c = 0; c < 3; c++) {
                        double v = shade * (0.8 + 0.1 * c) + noise.nextGaussian() * 6;
                        px.put(y, x, c, (int) Math.max(0, Math.min(255, v)));
                    }
                }
            }
            try (BytePointer out = new BytePointer()) {
                imencode(".jpg", bgr, out, new IntPointer(IMWRITE_JPEG_QUALITY, QUALITY));
                byte[] bytes = new byte[(int) out.limit()];
                out.get(bytes);
                return bytes;
            }
        }
    }
}
