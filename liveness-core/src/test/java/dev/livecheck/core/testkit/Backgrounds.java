package dev.livecheck.core.testkit;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;
import static org.bytedeco.opencv.global.opencv_imgproc.GaussianBlur;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_CUBIC;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.LINE_AA;
import static org.bytedeco.opencv.global.opencv_imgproc.ellipse;
import static org.bytedeco.opencv.global.opencv_imgproc.line;
import static org.bytedeco.opencv.global.opencv_imgproc.rectangle;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Out-of-focus scenes behind the performer: a room-like wall (gradient with
 * a door, a shelf, a picture, a lamp), blurred colour noise, or a tinted real
 * texture (brick, gravel, grass from {@code backgrounds/}). Backgrounds are a
 * margin larger than the frame so camera shake can pan across them.
 */
final class Backgrounds {

    /** Margin on each side, in pixels, available for camera shake. */
    static final int MARGIN = 24;
    static final int W = HeadRenderer.WIDTH + 2 * MARGIN;
    static final int H = HeadRenderer.HEIGHT + 2 * MARGIN;
    private static final String[] TEXTURES = {"brick.jpg", "gravel.jpg", "grass.jpg"};

    private Backgrounds() {
    }

    /** A fresh background as packed BGR bytes, {@code W x H}. */
    static byte[] create(Random rnd) {
        try (Mat bg = switch (rnd.nextInt(4)) {
            case 0, 1 -> room(rnd);
            case 2 -> noise(rnd);
            default -> texture(rnd);
        }) {
            byte[] out = new byte[W * H * 3];
            bg.data().get(out);
            return out;
        }
    }

    /** Copies the frame-sized window at offset (ox, oy) of the margin area into the canvas. */
    static void window(byte[] bg, int ox, int oy, byte[] canvas) {
        int x = Math.max(0, Math.min(2 * MARGIN, MARGIN + ox));
        int y = Math.max(0, Math.min(2 * MARGIN, MARGIN + oy));
        int rowBytes = HeadRenderer.WIDTH * 3;
        for (int r = 0; r < HeadRenderer.HEIGHT; r++) {
            System.arraycopy(bg, ((y + r) * W + x) * 3, canvas, r * rowBytes, rowBytes);
        }
    }

    private static Scalar muted(Random rnd, double lo, double hi) {
        double base = MotionScript.uniform(rnd, lo, hi);
        return new Scalar(base * MotionScript.uniform(rnd, 0.75, 1.15), base * MotionScript.uniform(rnd, 0.85, 1.1),
                base * MotionScript.uniform(rnd, 0.8, 1.2), 0);
    }

    private static Mat room(Random rnd) {
        Mat m = new Mat(H, W, CV_8UC3);
        Scalar top = muted(rnd, 110, 215);
        Scalar bottom = muted(rnd, 70, 190);
        try (UByteIndexer idx = m.createIndexer()) {
            for (int y = 0; y < H; y++) {
                double s = y / (double) (H - 1);
                for (int c = 0; c < 3; c++) {
                    int v = (int) Math.round(top.get(c) + (bottom.get(c) - top.get(c)) * s);
                    for (int x = 0; x < W; x++) {
                        idx.put(y, x, c, Math.max(0, Math.min(255, v)));
                    }
                }
            }
        }
        int shapes = 2 + rnd.nextInt(4);
        for (int i = 0; i < shapes; i++) {
            int kind = rnd.nextInt(4);
            int x = rnd.nextInt(W);
            int y = rnd.nextInt(H);
            Scalar colour = muted(rnd, 40, 230);
            switch (kind) {
                case 0 -> rectangle(m, new Rect(x, y / 3, 90 + rnd.nextInt(80), H), colour, -1, LINE_AA, 0); // door
                case 1 -> line(m, new Point(0, y), new Point(W, y + rnd.nextInt(20) - 10), colour,
                        4 + rnd.nextInt(10), LINE_AA, 0); // shelf or skirting
                case 2 -> rectangle(m, new Rect(x, y, 50 + rnd.nextInt(120), 40 + rnd.nextInt(90)), colour, -1,
                        LINE_AA, 0); // picture, window
                default -> ellipse(m, new Point(x, y), new Size(20 + rnd.nextInt(40), 20 + rnd.nextInt(40)), 0, 0,
                        360, new Scalar(235, 240, 250, 0), -1, LINE_AA, 0); // lamp
            }
        }
        GaussianBlur(m, m, new Size(0, 0), MotionScript.uniform(rnd, 3, 8));
        return m;
    }

    private static Mat noise(Random rnd) {
        int gw = 5 + rnd.nextInt(6);
        int gh = 4 + rnd.nextInt(5);
        Mat small = new Mat(gh, gw, CV_8UC3);
        Scalar base = muted(rnd, 80, 200);
        try (UByteIndexer idx = small.createIndexer()) {
            for (int y = 0; y < gh; y++) {
                for (int x = 0; x < gw; x++) {
                    double k = MotionScript.uniform(rnd, 0.6, 1.35);
                    for (int c = 0; c < 3; c++) {
                        double v = base.get(c) * k * MotionScript.uniform(rnd, 0.9, 1.1);
                        idx.put(y, x, c, (int) Math.max(0, Math.min(255, v)));
                    }
                }
            }
        }
        Mat m = new Mat();
        resize(small, m, new Size(W, H), 0, 0, INTER_CUBIC);
        small.close();
        GaussianBlur(m, m, new Size(0, 0), 12);
        return m;
    }

    private static Mat texture(Random rnd) {
        String name = TEXTURES[rnd.nextInt(TEXTURES.length)];
        Mat tex = load(name);
        double zoom = MotionScript.uniform(rnd, 1.0, 2.5);
        int cw = (int) Math.min(tex.cols(), Math.round(tex.cols() / zoom * W / (double) W));
        int ch = (int) Math.min(tex.rows(), Math.round(cw * H / (double) W));
        int x = rnd.nextInt(Math.max(1, tex.cols() - cw + 1));
        int y = rnd.nextInt(Math.max(1, tex.rows() - ch + 1));
        Mat m = new Mat();
        try (Mat crop = tex.apply(new Rect(x, y, cw, ch))) {
            resize(crop, m, new Size(W, H), 0, 0, INTER_LINEAR);
        }
        tex.close();
        Scalar tint = muted(rnd, 0.6, 1.1);
        m.convertTo(m, CV_8UC3, 1, 0);
        try (Mat tintMat = new Mat(H, W, CV_8UC3, new Scalar(tint.get(0) * 255, tint.get(1) * 255, tint.get(2) * 255, 0))) {
            org.bytedeco.opencv.global.opencv_core.multiply(m, tintMat, m, 1 / 255.0, -1);
        }
        GaussianBlur(m, m, new Size(0, 0), MotionScript.uniform(rnd, 1.5, 4));
        return m;
    }

    private static Mat load(String name) {
        try (InputStream in = Backgrounds.class.getResourceAsStream("/backgrounds/" + name)) {
            if (in == null) {
                throw new IllegalStateException("background texture missing from the classpath: /backgrounds/" + name);
            }
            byte[] bytes = in.readAllBytes();
            try (Mat buf = new Mat(1, bytes.length, CV_8UC1, new BytePointer(bytes))) {
                return imdecode(buf, IMREAD_COLOR);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Decodes a classpath image (used for faces too). */
    static Mat decodeResource(String path) {
        try (InputStream in = Backgrounds.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("resource missing from the classpath: " + path);
            }
            byte[] bytes = in.readAllBytes();
            try (Mat buf = new Mat(1, bytes.length, CV_8UC1, new BytePointer(bytes))) {
                Mat m = imdecode(buf, IMREAD_COLOR);
                if (m == null || m.empty()) {
                    throw new IllegalStateException("cannot decode image " + path);
                }
                return m;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> textureNames() {
        return new ArrayList<>(List.of(TEXTURES));
    }
}
