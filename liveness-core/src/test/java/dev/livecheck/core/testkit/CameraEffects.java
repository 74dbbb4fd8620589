package dev.livecheck.core.testkit;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMWRITE_JPEG_QUALITY;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imencode;
import static org.bytedeco.opencv.global.opencv_imgproc.GaussianBlur;

import java.util.Random;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * What a cheap camera does to the scene: slight optical blur, exposure and
 * white balance that differ per recording and flicker a little per frame,
 * sensor noise, and JPEG compression at quality 70-92. Not thread-safe (owns
 * native buffers): one per thread.
 */
final class CameraEffects implements AutoCloseable {

    private static final int W = HeadRenderer.WIDTH;
    private static final int H = HeadRenderer.HEIGHT;
    /** A fixed field of unit Gaussian noise (x16, as bytes); each frame reads it at a random offset. */
    private static final int NOISE_W = 1031;
    private static final int NOISE_H = 769;
    private static final byte[] NOISE = noiseField();

    /** Per-recording camera settings. */
    record Params(double gainB, double gainG, double gainR, double blurSigma, double noiseSigma, int jpegQuality,
            double flicker) {

        static Params random(Random rnd) {
            double exposure = MotionScript.uniform(rnd, 0.85, 1.12);
            double warm = MotionScript.uniform(rnd, -0.07, 0.07); // white balance: + warm, - cool
            return new Params(exposure * (1 - warm), exposure * (1 + 0.2 * warm), exposure * (1 + warm),
                    MotionScript.uniform(rnd, 0.45, 1.0), MotionScript.uniform(rnd, 1.5, 4.0),
                    70 + rnd.nextInt(23), MotionScript.uniform(rnd, 0.005, 0.02));
        }
    }

    private final BytePointer pixels = new BytePointer((long) W * H * 3);
    private final Mat frame = new Mat(H, W, CV_8UC3, pixels);
    private final Mat blurred = new Mat();
    private final byte[] buffer = new byte[W * H * 3];

    /** Blur, expose, add noise and JPEG-encode a canvas ({@code byte[640*480*3]} BGR). The canvas is not modified. */
    byte[] capture(byte[] canvas, Params p, Random rnd) {
        pixels.position(0).put(canvas, 0, canvas.length);
        GaussianBlur(frame, blurred, new Size(0, 0), p.blurSigma());
        blurred.data().get(buffer, 0, buffer.length);
        double flicker = 1 + p.flicker() * rnd.nextGaussian();
        int[][] lut = new int[3][256];
        double[] gains = {p.gainB() * flicker, p.gainG() * flicker, p.gainR() * flicker};
        for (int c = 0; c < 3; c++) {
            for (int v = 0; v < 256; v++) {
                lut[c][v] = (int) Math.round(v * gains[c] * 16);
            }
        }
        int ox = rnd.nextInt(NOISE_W);
        int oy = rnd.nextInt(NOISE_H);
        int sigma16 = (int) Math.round(p.noiseSigma() * 16);
        int i = 0;
        for (int y = 0; y < H; y++) {
            int nrow = ((y + oy) % NOISE_H) * NOISE_W;
            int nx = ox;
            for (int x = 0; x < W; x++) {
                if (nx >= NOISE_W - 3) {
                    nx -= NOISE_W - 3;
                }
                for (int c = 0; c < 3; c++, i++) {
                    int v = lut[c][buffer[i] & 0xff] + (NOISE[nrow + nx + c] * sigma16 >> 4);
                    v = (v + 8) >> 4;
                    buffer[i] = (byte) (v < 0 ? 0 : v > 255 ? 255 : v);
                }
                nx += 3;
            }
        }
        pixels.position(0).put(buffer, 0, buffer.length);
        try (BytePointer jpeg = new BytePointer()) {
            imencode(".jpg", frame, jpeg, new IntPointer(IMWRITE_JPEG_QUALITY, p.jpegQuality()));
            byte[] out = new byte[(int) jpeg.limit()];
            jpeg.get(out);
            return out;
        }
    }

    private static byte[] noiseField() {
        Random rnd = new Random(0x5EED);
        byte[] n = new byte[NOISE_W * NOISE_H];
        for (int i = 0; i < n.length; i++) {
            n[i] = (byte) Math.max(-127, Math.min(127, Math.round(rnd.nextGaussian() * 16)));
        }
        return n;
    }

    @Override
    public void close() {
        frame.close();
        blurred.close();
        pixels.close();
    }
}
