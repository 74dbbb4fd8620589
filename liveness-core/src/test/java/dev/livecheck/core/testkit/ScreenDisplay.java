package dev.livecheck.core.testkit;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC4;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import java.util.Random;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * A phone, tablet or monitor showing a video, as the camera sees it. Two
 * kinds of panel, so the corpus is not easier than the world:
 * <ul>
 * <li>{@link Kind#STRIPES}: a low-resolution panel filmed close, every
 * screen pixel drawn as three vertical R, G, B subpixel stripes over a dark
 * row gap (3x3 texels), so sampling it at the camera's pitch aliases into
 * moiré;</li>
 * <li>{@link Kind#HIGH_DPI}: a dense panel filmed from where the camera
 * integrates several display pixels per sensor pixel: the subpixel grid
 * averages out and no moiré is left (one texel per display pixel).</li>
 * </ul>
 * Both change the picture's tone (gamma, contrast, a lifted black level, a
 * white point from neutral to bluish, brightness up to clipping), carry a
 * glossy highlight or a matte screen's faint wide sheen that stays fixed on
 * the glass, and a bezel. The texture is rewritten for every shown frame;
 * one instance per recording and thread.
 */
final class ScreenDisplay implements AutoCloseable {

    /** What kind of panel; see the class comment. */
    enum Kind { STRIPES, HIGH_DPI }

    final Kind kind;
    /** Texels per display pixel on a side. */
    final int sub;
    final boolean matte;
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
        kind = rnd.nextDouble() < 0.4 ? Kind.STRIPES : Kind.HIGH_DPI;
        matte = rnd.nextDouble() < 0.4;
        sub = kind == Kind.STRIPES ? 3 : 1;
        screenW = kind == Kind.STRIPES ? 340 + rnd.nextInt(160) : 960 + rnd.nextInt(480);
        screenH = screenW * 3 / 4;
        bezel = (int) Math.round(sub * screenW * MotionScript.uniform(rnd, 0.02, 0.08));
        texW = sub * screenW + 2 * bezel;
        texH = sub * screenH + 2 * bezel;
        texture = new Mat(texH, texW, CV_8UC4);
        texData = texture.data();
        texels = new byte[texW * texH * 4];
        pixels = new byte[screenW * screenH * 3];
        double gamma = MotionScript.uniform(rnd, 0.8, 1.25);
        double contrast = MotionScript.uniform(rnd, 0.78, 1.0);
        double black = MotionScript.uniform(rnd, 3, 30);
        boolean neutral = rnd.nextDouble() < 0.35; // a calibrated panel; the others are bluish
        double[] white = neutral
                ? new double[] {MotionScript.uniform(rnd, 0.97, 1.03), 1.0, MotionScript.uniform(rnd, 0.97, 1.03)}
                : new double[] {MotionScript.uniform(rnd, 1.0, 1.08), MotionScript.uniform(rnd, 0.95, 1.0),
                    MotionScript.uniform(rnd, 0.82, 0.93)}; // BGR
        // each stripe lets through its own primary fully and the others partly (the camera's optics and
        // the panel's diffuser mix them); the lit texels are boosted so the screen's mean stays as bright
        bleed = MotionScript.uniform(rnd, 0.3, 0.55);
        rowDim = MotionScript.uniform(rnd, 0.55, 0.85);
        double stripes = kind == Kind.STRIPES ? 3 / (1 + 2 * bleed) * 3 / (2 + rowDim) : 1;
        // a bright dense panel (up to 1.3x) clips the face's highlights; a stripe panel's lit texels already do
        double boost = stripes * MotionScript.uniform(rnd, 0.95, kind == Kind.STRIPES ? 1.1 : 1.3);
        for (int c = 0; c < 3; c++) {
            for (int v = 0; v < 256; v++) {
                double s = Math.pow(v / 255.0, gamma) * 255 * contrast + black;
                lut[c][v] = (int) Math.max(0, Math.min(255, Math.round(s * white[c] * boost)));
            }
        }
        glare = new short[screenW * screenH];
        double gx = screenW * MotionScript.uniform(rnd, 0.1, 0.9);
        double gy = screenH * MotionScript.uniform(rnd, 0.05, 0.6);
        // glossy glass: a bright compact reflection; matte: a faint wide sheen
        double rx = screenW * (matte ? MotionScript.uniform(rnd, 0.3, 0.6) : MotionScript.uniform(rnd, 0.08, 0.25));
        double ry = screenH * (matte ? MotionScript.uniform(rnd, 0.3, 0.6) : MotionScript.uniform(rnd, 0.06, 0.2));
        double strength = matte ? MotionScript.uniform(rnd, 4, 20) : MotionScript.uniform(rnd, 40, 110);
        for (int y = 0; y < screenH; y++) {
            for (int x = 0; x < screenW; x++) {
                double d = Math.pow((x - gx) / rx, 2) + Math.pow((y - gy) / ry, 2);
                glare[y * screenW + x] = (short) Math.round(strength * Math.exp(-d / 2));
            }
        }
        int bezelGrey = 8 + rnd.nextInt(40);
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
        resize(contentBgr, small, new Size(screenW, screenH), 0, 0,
                screenW < contentBgr.cols() ? INTER_AREA : INTER_LINEAR);
        small.data().get(pixels, 0, pixels.length);
        for (int y = 0; y < screenH; y++) {
            for (int x = 0; x < screenW; x++) {
                int p = y * screenW + x;
                int g = glare[p];
                int b = lut[0][pixels[3 * p] & 0xff];
                int gr = lut[1][pixels[3 * p + 1] & 0xff];
                int r = lut[2][pixels[3 * p + 2] & 0xff];
                if (kind == Kind.HIGH_DPI) {
                    put(((bezel + y) * texW + bezel + x) * 4, b, gr, r, 1.0, g);
                    continue;
                }
                for (int row = 0; row < sub; row++) {
                    double dim = row == sub - 1 ? rowDim : 1.0;
                    int base = ((bezel + sub * y + row) * texW + bezel + sub * x) * 4;
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
     * The screen's transform: the picture ({@code sub * screenW} texels wide)
     * appears {@code pictureWidthPx} camera pixels wide, centred at (cx, cy) when frontal.
     */
    Rigid[] pose(double yaw, double pitch, double roll, double pictureWidthPx, double cx, double cy) {
        double d = HeadRenderer.FOCAL * sub * screenW / pictureWidthPx;
        return new Rigid[] {Rigid.of(yaw, pitch, roll, texW / 2.0, texH / 2.0, 0,
                (cx - HeadRenderer.CX) * d / HeadRenderer.FOCAL, (cy - HeadRenderer.CY) * d / HeadRenderer.FOCAL, d)};
    }

    @Override
    public void close() {
        texture.close();
        small.close();
    }
}
