package dev.livecheck.core.checks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livecheck.core.fixtures.SyntheticFaces;
import dev.livecheck.core.fixtures.SyntheticFaces.Pose;
import dev.livecheck.core.vision.FaceDetection;
import dev.livecheck.core.vision.FaceLandmarks;
import dev.livecheck.core.vision.FaceObservation;
import dev.livecheck.core.vision.FrameObservation;
import dev.livecheck.core.vision.ScreenSample;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The attempt-level screen-replay cues on frames whose face and surroundings
 * move as chosen: a rigid display moves both together, a room does not; glare
 * on glass stays put while the face moves, a highlight on skin moves with it.
 */
class ScreenReplayCuesTest {

    private static final int TW = ScreenSample.THUMB_W;
    private static final int TH = ScreenSample.THUMB_H;
    /** Frame pixels per thumbnail pixel (640 / 160). */
    private static final int SCALE = SyntheticFaces.WIDTH / TW;

    private final SyntheticFaces faces = new SyntheticFaces();
    private final byte[] room = texture(new Random(3));

    @Test
    void aDisplayHeldInAHandMovesItsSurroundingsWithTheFace() {
        Map<String, Double> cues = ScreenReplayCues.measure(frames(true, false, false));
        assertThat(cues.get("rigid_motion")).isGreaterThan(0.8);
        assertThat(cues.get("surround_motion")).isGreaterThan(2);
    }

    @Test
    void aStillRoomDoesNotFollowAMovingFace() {
        Map<String, Double> cues = ScreenReplayCues.measure(frames(false, false, false));
        assertThat(cues.get("rigid_motion")).isLessThan(0.2);
        assertThat(cues.get("surround_motion")).isLessThan(0.5);
    }

    @Test
    void glareOnGlassStaysPutWhileTheFaceMoves() {
        assertThat(ScreenReplayCues.measure(frames(false, true, false)).get("glare_static")).isGreaterThan(1);
        assertThat(ScreenReplayCues.measure(frames(false, true, true)).get("glare_static")).isLessThan(-1);
    }

    @Test
    void framesWithoutScreenSamplesGiveNoValues() {
        List<FrameObservation> plain = new ArrayList<>();
        for (long t = 0; t < 1000; t += 66) {
            plain.add(faces.frame(t, Pose.frontal(), SyntheticFaces.appearance(1)));
        }
        Map<String, Double> cues = ScreenReplayCues.measure(plain);
        assertThat(cues).containsOnlyKeys(ScreenReplayCues.NAMES);
        assertThat(cues.get("spectral_peak")).isNaN();
        assertThat(cues.get("rigid_motion")).isNaN();
    }

    /**
     * 40 frames at 15 fps of a face moving left and right by up to 12 thumbnail pixels; the surroundings follow
     * it ({@code rigid}) or stay still; optionally a bright spot on the face, fixed in the frame or on the face.
     */
    private List<FrameObservation> frames(boolean rigid, boolean glare, boolean glareOnFace) {
        FrameObservation base = faces.frame(0, Pose.frontal(), SyntheticFaces.appearance(1));
        List<FrameObservation> out = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            int dx = (int) Math.round(12 * Math.sin(i * 0.5)); // thumbnail pixels
            byte[] thumb = shifted(room, rigid ? dx : 0);
            FrameObservation moved = moveFace(base, i * 66L, dx * SCALE);
            if (glare) {
                FaceDetection d = moved.face().detection();
                int gx = (int) ((glareOnFace ? d.centerX() : base.face().detection().centerX()) / SCALE);
                int gy = (int) (d.centerY() / SCALE);
                for (int y = gy - 2; y <= gy + 2; y++) {
                    for (int x = gx - 2; x <= gx + 2; x++) {
                        thumb[y * TW + x] = (byte) 255;
                    }
                }
            }
            out.add(new FrameObservation(moved.timestampMillis(), moved.width(), moved.height(), 1, 110, moved.face(),
                    new ScreenSample(thumb, new ScreenSample.Measures(1.3, 1.3, -2, 20, 150, 0, 0, 0, 0, 0))));
        }
        return out;
    }

    private static FrameObservation moveFace(FrameObservation f, long t, float dx) {
        FaceObservation face = f.face();
        float[] xyz = face.landmarks().xyz().clone();
        for (int i = 0; i < xyz.length; i += 3) {
            xyz[i] += dx;
        }
        FaceDetection d = face.detection();
        FaceDetection movedBox = new FaceDetection(d.x() + dx, d.y(), d.width(), d.height(), d.score(), d.keypoints());
        FaceObservation moved = new FaceObservation(movedBox, new FaceLandmarks(xyz, face.landmarks().presence()),
                face.pose(), face.brightness(), face.sharpness(), face.appearance(), face.textureHistogram(),
                face.chroma(), face.texture());
        return new FrameObservation(t, f.width(), f.height(), 1, 110, moved);
    }

    /** A random texture with coarse shapes and fine detail (a room has both), so phase correlation can lock on. */
    private static byte[] texture(Random rnd) {
        double[] v = new double[TW * TH];
        for (int k = 0; k < 30; k++) {
            double fx = rnd.nextDouble() * 0.5;
            double fy = rnd.nextDouble() * 0.5;
            double ph = rnd.nextDouble() * 6.28;
            for (int y = 0; y < TH; y++) {
                for (int x = 0; x < TW; x++) {
                    v[y * TW + x] += Math.sin(fx * x + fy * y + ph);
                }
            }
        }
        byte[] b = new byte[TW * TH];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) Math.max(0, Math.min(230, 100 + 8 * v[i] + rnd.nextInt(40)));
        }
        return b;
    }

    private static byte[] shifted(byte[] src, int dx) {
        byte[] out = new byte[src.length];
        for (int y = 0; y < TH; y++) {
            for (int x = 0; x < TW; x++) {
                int sx = Math.max(0, Math.min(TW - 1, x - dx));
                out[y * TW + x] = src[y * TW + sx];
            }
        }
        return out;
    }
}
