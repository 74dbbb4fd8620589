package dev.livecheck.core.recording;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imencode;
import static org.bytedeco.opencv.global.opencv_imgproc.FILLED;
import static org.bytedeco.opencv.global.opencv_imgproc.LINE_8;
import static org.bytedeco.opencv.global.opencv_imgproc.circle;

import dev.livecheck.core.attempt.Challenge;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Scalar;

/** Small synthetic recordings for tests: a pale disc drifting over a plain background, real baseline JPEGs. */
public final class TestRecordings {

    private TestRecordings() {
    }

    /** A 640x480 JPEG with a disc whose centre is shifted {@code shift} pixels right of the middle. */
    public static byte[] jpeg(int shift) {
        try (Mat image = new Mat(480, 640, CV_8UC3, new Scalar(90, 110, 130, 0));
                BytePointer buffer = new BytePointer()) {
            circle(image, new Point(320 + shift, 240), 110, new Scalar(150, 170, 210, 0), FILLED, LINE_8, 0);
            if (!imencode(".jpg", image, buffer)) {
                throw new IllegalStateException("OpenCV could not encode a JPEG");
            }
            return buffer.getStringBytes();
        }
    }

    /** {@code count} frames 66 ms apart (about 15 per second). */
    public static List<RecordedFrame> frames(int count) {
        List<RecordedFrame> frames = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            frames.add(new RecordedFrame("frames/" + i + ".jpg", i * 66L, jpeg(i * 3)));
        }
        return frames;
    }

    /** Writes a recording of {@code frameCount} frames asking for TURN_LEFT then TURN_RIGHT into {@code dir}. */
    public static Path write(Path dir, int frameCount) {
        try {
            new RecordingWriter().write(dir, List.of(Challenge.TURN_LEFT, Challenge.TURN_RIGHT), frames(frameCount));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
