package dev.livecheck.core.testkit;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC4;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import java.util.Random;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * A phone or monitor showing a video, as the camera sees it: every screen
 * pixel is drawn as three vertical R, G, B subpixel stripes over a dark
 * row gap (3x3 texels), so sampling the screen at the camera's pitch aliases
 * into moiré. The display changes the picture (gamma, lower contrast, a
 * bluish white point), a glare highlight sits on the glass, and a dark bezel
 * surrounds the picture. The texture is rewritten for every frame; one
 * instance per recording and thread.
 */
final class ScreenDisplay implements AutoCloseable {

    static final int SUB = 3;

    private final int screenW;
    private final int screenH;
    private final int bezel;
    private final int texW;
    private final int texH;
    private final Mat texture;
    private final BytePointer texData;
    private final byte[] texels;
    private final int[][] lut = new int[3][256];
    private final short[] glare;
    private final double rowDim;
    private final double bleed;
    private final Mat small = new Mat();
    private final byte[] pixels;
    private final Mesh mesh;

    ScreenDisplay(Random rnd) {
        screenW = 340 + rnd.nextInt(160);
        screenH = screenW * 3 / 4;
        bezel = (int) Math.round(SUB * screenW * MotionScript.uniform(rnd, 0.03, 0.08));
        texW = SUB * screenW + 2 * bezel;
        texH = SUB * screenH + 2 * bezel;
        texture = new Mat(texH, texW, CV_8UC4);
        texData = texture.data();
        texels = new byte[texW * texH * 4];
        pixels = new byte[screenW * screenH * 3];
        double gamma = MotionScript.uniform(rnd, 0.8, 1.25);
        double contrast = MotionScript.uniform(rnd, 0.75, 0.95);
        double black = MotionScript.uniform(rnd, 8, 30);
        double[] white = {MotionScript.uniform(rnd, 1.0, 1.08), MotionScript.uniform(rnd, 0.95, 1.0),
            MotionScript.uniform(rnd, 0.82, 0.93)}; // bluish white point (BGR)
        // each stripe lets through its own primary fully and the others partly (the camera's optics and
        // the panel's diffuser mix them); the lit texels are boosted so the screen's mean stays as bright
        bleed = MotionScript.uniform(rnd, 0.3, 0.55);
        rowDim = MotionScript.uniform(rnd, 0.55, 0.85);
        double boost = 3 / (1 + 2 * bleed) * 3 / (2 + rowDim) * MotionScript.uniform(rnd, 0.95, 1.1);
        for (int c = 0; c < 3; c++) {
            for (int v = 0; v < 256; v++) {
                double s = Math.pow(v / 255.0, gamma) * 255 * contrast + black;
                lut[c][v] = (int) Math.max(0, Math.min(255, Math.round(s * white[c] * boost)));
            }
        }
        glare = new short[screenW * screenH];
        double gx = screenW * MotionScript.uniform(rnd, 0.1, 0.9);
        double gy = screenH * MotionScript.uniform(rnd, 0.05, 0.6);
        double rx = screenW * MotionScript.uniform(rnd, 0.08, 0.25);
        double ry = screenH * MotionScript.uniform(rnd, 0.06, 0.2);
        double strength = MotionScript.uniform(rnd, 40, 110);
        for (int y = 0; y < screenH; y++) {
            for (int x = 0; x < screenW; x++) {
                double d = Math.pow((x - gx) / rx, 2) + Math.pow((y - gy) / ry, 2);
                glare[y * screenW + x] = (short) Math.round(strength * Math.exp(-d / 2));
            }
        }
        int bezelGrey = 12 + rnd.nextInt(30);
        for (int i = 0; i < texW * texH; i++) {
            texels[4 * i] = (byte) bezelGrey;
            texels[4 * i + 1] = (byte) bezelGrey;
            texels[4 * i + 2] = (byte) bezelGrey;
            texels[4 * i + 3] = (byte) 255;
        }
        texData.position(0).put(texels, 0, texels.length);
        mesh = Mesh.plane(texture, 8);
    }

    /** Puts a BGR frame on the screen. */
    void show(Mat contentBgr) {
        resize(contentBgr, small, new Size(screenW, screenH), 0, 0, INTER_AREA);
        small.data().get(pixels, 0, pixels.length);
        for (int y = 0; y < screenH; y++) {
            for (int x = 0; x < screenW; x++) {
                int p = y * screenW + x;
                int g = glare[p];
                int b = lut[0][pixels[3 * p] & 0xff];
                int gr = lut[1][pixels[3 * p + 1] & 0xff];
                int r = lut[2][pixels[3 * p + 2] & 0xff];
                for (int row = 0; row < SUB; row++) {
                    double dim = row == SUB - 1 ? rowDim : 1.0;
                    int base = ((bezel + SUB * y + row) * texW + bezel + SUB * x) * 4;
                    // stripes left to right: R, G, B
                    put(base, bleed * b, bleed * gr, r, dim, g);
                    put(base + 4, bleed * b, gr, bleed * r, dim, g);
                    put(base + 8, b, bleed * gr, bleed * r, dim, g);
                }
            }
        }
        texData.position(0).put(texels, 0, texels.length);
    }

    private void put(int i, double b, double g, double r, double dim, int glareValue) {
        texels[i] = clamp(b * dim + glareValue);
        texels[i + 1] = clamp(g * dim + glareValue);
        texels[i + 2] = clamp(r * dim + glareValue);
    }

    private static byte clamp(double v) {
        return (byte) (v <= 0 ? 0 : v >= 255 ? 255 : (int) v);
    }

    Mesh mesh() {
        return mesh;
    }

    /**
     * The screen's transform: the picture ({@code 3 * screenW} texels wide)
     * appears {@code pictureWidthPx} camera pixels wide, centred at (cx, cy) when frontal.
     */
    Rigid[] pose(double yaw, double pitch, double roll, double pictureWidthPx, double cx, double cy) {
        double d = HeadRenderer.FOCAL * SUB * screenW / pictureWidthPx;
        return new Rigid[] {Rigid.of(yaw, pitch, roll, texW / 2.0, texH / 2.0, 0,
                (cx - HeadRenderer.CX) * d / HeadRenderer.FOCAL, (cy - HeadRenderer.CY) * d / HeadRenderer.FOCAL, d)};
    }

    @Override
    public void close() {
        texture.close();
        small.close();
    }
}
