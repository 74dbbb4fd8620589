package dev.livecheck.core.vision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgproc.GaussianBlur;
import static org.bytedeco.opencv.global.opencv_imgproc.line;
import static org.bytedeco.opencv.global.opencv_imgproc.rectangle;

import java.util.Random;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;
import org.junit.jupiter.api.Test;

/** Each per-frame screen measurement on a picture built to show, or not show, what it measures. */
class ScreenSampleTest {

    private static final FaceDetection FACE = new FaceDetection(250, 160, 140, 160, 0.9f, new float[12]);

    @Test
    void aBezelAroundTheFaceIsSeenOnSeveralSides() {
        try (Mat plain = scene(false, 0, 255); Mat framed = scene(true, 0, 255)) {
            assertThat(ScreenSample.measure(plain, FACE).measures().bezelSides()).isZero();
            assertThat(ScreenSample.measure(framed, FACE).measures().bezelSides()).isGreaterThanOrEqualTo(2);
            assertThat(ScreenSample.measure(framed, FACE).measures().linesThroughFace()).isZero();
        }
    }

    @Test
    void aDisplaysBezelIsADarkBandWhichARoomsEdgesAreNot() {
        try (Mat display = room(); Mat door = room(); Mat joints = room(); Mat greyFrame = room()) {
            // a display: a black bezel (16 pixels, 4 of the thumbnail) around the face
            rectangle(display, new Point(150, 60), new Point(490, 420), new Scalar(20, 20, 20, 0), 16, 8, 0);
            // a dark door beside the face: a straight edge, but its dark side is far wider than a bezel
            rectangle(door, new Point(40, 0), new Point(200, 479), new Scalar(30, 30, 30, 0), -1, 8, 0);
            // a tiled wall's light joints on every side of the face
            for (int xy : new int[] {100, 380}) {
                line(joints, new Point(0, xy), new Point(639, xy), new Scalar(235, 235, 235, 0), 6, 8, 0);
            }
            for (int x : new int[] {180, 460}) {
                line(joints, new Point(x, 0), new Point(x, 479), new Scalar(235, 235, 235, 0), 6, 8, 0);
            }
            // a frame as wide as a bezel, but mid-grey: no display's black
            rectangle(greyFrame, new Point(150, 60), new Point(490, 420), new Scalar(110, 110, 110, 0), 16, 8, 0);

            assertThat(ScreenSample.measure(display, FACE).measures().bezelBands()).isEqualTo(4);
            String[] names = {"door", "joints", "grey frame"};
            Mat[] scenes = {door, joints, greyFrame};
            for (int i = 0; i < scenes.length; i++) {
                ScreenSample.Measures m = ScreenSample.measure(scenes[i], FACE).measures();
                assertThat(m.bezelSides()).as("straight edges frame the face: %s", names[i]).isPositive();
                assertThat(m.bezelBands()).as("but none is a bezel: %s", names[i]).isZero();
            }
        }
    }

    @Test
    void subpixelStripesLeaveSpectralPeaksAndColourFringes() {
        try (Mat skin = scene(false, 0, 255); Mat stripes = scene(false, 0, 255)) {
            paintStripes(stripes);
            ScreenSample a = ScreenSample.measure(skin, FACE);
            ScreenSample b = ScreenSample.measure(stripes, FACE);
            assertThat(b.measures().spectralPeak()).isGreaterThan(a.measures().spectralPeak() + 0.2);
            assertThat(b.measures().chromaPeak()).isGreaterThan(a.measures().chromaPeak() + 0.2);
        }
    }

    @Test
    void aLiftedBlackLevelAndClippedHighlightsAreMeasured() {
        try (Mat full = scene(false, 0, 255); Mat display = scene(false, 45, 255)) {
            ScreenSample a = ScreenSample.measure(full, FACE);
            ScreenSample b = ScreenSample.measure(display, FACE);
            assertThat(b.measures().blackLevel()).isGreaterThanOrEqualTo(40).isGreaterThan(a.measures().blackLevel());
            assertThat(b.measures().toneRange()).isLessThan(a.measures().toneRange());
            assertThat(a.thumbnail()).hasSize(ScreenSample.THUMB_W * ScreenSample.THUMB_H);
        }
    }

    /** A plain mid-grey wall (no noise: the line finder's work is not what these scenes test). */
    private static Mat room() {
        return new Mat(480, 640, CV_8UC3, new Scalar(150, 150, 150, 0));
    }

    /** A blurred random scene with values mapped into [black, white], optionally a dark frame around the face. */
    private static Mat scene(boolean bezel, int black, int white) {
        Random rnd = new Random(5);
        byte[] px = new byte[640 * 480 * 3];
        for (int i = 0; i < px.length; i++) {
            px[i] = (byte) rnd.nextInt(256);
        }
        Mat m = new Mat(480, 640, CV_8UC3);
        m.data().put(px);
        GaussianBlur(m, m, new Size(0, 0), 10); // an out-of-focus room
        m.data().get(px);
        // stretch the blurred noise to the full range, then into [black, white]
        for (int i = 0; i < px.length; i++) {
            int v = Math.max(0, Math.min(255, ((px[i] & 0xff) - 128) * 12 + 128));
            px[i] = (byte) (black + v * (white - black) / 255);
        }
        m.data().put(px);
        if (bezel) {
            rectangle(m, new Point(150, 60), new Point(490, 420), new Scalar(20, 20, 20, 0), 14, 8, 0);
        }
        return m;
    }

    /** R, G, B stripes one pixel each over the face centre, as a slightly turned display's subpixels re-captured. */
    private static void paintStripes(Mat m) {
        byte[] px = new byte[640 * 480 * 3];
        m.data().get(px);
        for (int y = 180; y < 300; y++) {
            for (int x = 260; x < 380; x++) {
                int c = (x + y / 4) % 3; // a display is never exactly square to the camera: slanted stripes
                int i = (y * 640 + x) * 3;
                for (int k = 0; k < 3; k++) {
                    int v = px[i + k] & 0xff;
                    px[i + k] = (byte) (k == 2 - c ? Math.min(255, v + 60) : Math.max(0, v - 30));
                }
            }
        }
        try (BytePointer p = m.data()) {
            p.put(px);
        }
    }
}
