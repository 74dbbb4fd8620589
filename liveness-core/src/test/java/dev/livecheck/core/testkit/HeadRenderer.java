package dev.livecheck.core.testkit;

import static org.bytedeco.opencv.global.opencv_core.BORDER_CONSTANT;
import static org.bytedeco.opencv.global.opencv_core.CV_32FC1;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.remap;

import java.util.Arrays;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;

/**
 * Renders textured meshes (a 3D head, a flat print, a screen) into a 640x480
 * BGR canvas with a pinhole camera (focal length = image width, principal
 * point at the centre). Each {@link #draw} call is one layer: its triangles
 * are rasterised in Java into dense remap maps (perspective-correct texture
 * coordinates per pixel, z-buffered so the nose hides the far cheek), then a
 * single OpenCV {@code remap} samples the BGRA texture for the layer's bounding
 * box, and the result is alpha-composited over the canvas with the texture's
 * soft matte. Not thread-safe (owns scratch buffers): one per thread.
 *
 * <p>The canvas is a plain {@code byte[WIDTH * HEIGHT * 3]} in BGR order, so
 * layers, backgrounds and camera effects can be combined without copies.
 */
public final class HeadRenderer implements AutoCloseable {

    public static final int WIDTH = 640;
    public static final int HEIGHT = 480;
    public static final double FOCAL = WIDTH;
    static final double CX = WIDTH / 2.0;
    static final double CY = HEIGHT / 2.0;
    private static final int N = WIDTH * HEIGHT;
    private static final float OUTSIDE = -10f;
    private static final int TRANSPARENT = 12;

    private final float[] mapX = new float[N];
    private final float[] mapY = new float[N];
    private final float[] depth = new float[N];
    private final FloatPointer mapXPtr = new FloatPointer(N);
    private final FloatPointer mapYPtr = new FloatPointer(N);
    private final Mat mapXMat = new Mat(HEIGHT, WIDTH, CV_32FC1, mapXPtr);
    private final Mat mapYMat = new Mat(HEIGHT, WIDTH, CV_32FC1, mapYPtr);
    private final Mat layer = new Mat();
    private byte[] layerBytes = new byte[N * 4];
    private float[] sx = new float[0];
    private float[] sy = new float[0];
    private float[] siz = new float[0];
    private float[] su = new float[0];
    private float[] sv = new float[0];
    private byte[] alpha;
    private int texW;
    private int texH;
    private int minX;
    private int minY;
    private int maxX;
    private int maxY;

    /**
     * Per-layer lighting: colour gains and a left-to-right light gradient
     * ({@code side} = relative brightening of the layer's right edge, negative
     * for light from the left), plus an opacity multiplier.
     */
    public record Shading(double gainB, double gainG, double gainR, double side, double opacity) {
        public static final Shading NEUTRAL = new Shading(1, 1, 1, 0, 1);
    }

    /**
     * Draws one layer onto {@code canvas}.
     *
     * @param parts one transform per mesh part ({@link Mesh#part}); part {@code k} uses {@code parts[k]}
     * @return true when something was drawn (the layer was at least partly in view)
     */
    public boolean draw(byte[] canvas, Mesh mesh, Rigid[] parts, Shading shading) {
        project(mesh, parts);
        Arrays.fill(mapX, OUTSIDE);
        Arrays.fill(mapY, OUTSIDE);
        Arrays.fill(depth, 0f);
        minX = WIDTH;
        minY = HEIGHT;
        maxX = -1;
        maxY = -1;
        int[] tris = mesh.triangles();
        alpha = mesh.alpha();
        texW = mesh.texture().cols();
        texH = mesh.texture().rows();
        for (int t = 0; t < tris.length; t += 3) {
            rasterise(tris[t], tris[t + 1], tris[t + 2]);
        }
        if (maxX < minX || maxY < minY) {
            return false;
        }
        // one pixel of margin so the bilinear edge of the matte is kept
        minX = Math.max(0, minX - 1);
        minY = Math.max(0, minY - 1);
        maxX = Math.min(WIDTH - 1, maxX + 1);
        maxY = Math.min(HEIGHT - 1, maxY + 1);
        mapXPtr.put(mapX, 0, N);
        mapYPtr.put(mapY, 0, N);
        int w = maxX - minX + 1;
        int h = maxY - minY + 1;
        Rect roi = new Rect(minX, minY, w, h);
        try (Mat mx = mapXMat.apply(roi); Mat my = mapYMat.apply(roi)) {
            remap(mesh.texture(), layer, mx, my, INTER_LINEAR, BORDER_CONSTANT, new Scalar(0, 0, 0, 0));
        }
        if (layerBytes.length < w * h * 4) {
            layerBytes = new byte[w * h * 4];
        }
        layer.data().get(layerBytes, 0, w * h * 4);
        composite(canvas, w, h, shading);
        return true;
    }

    private void project(Mesh mesh, Rigid[] parts) {
        float[] xyz = mesh.xyz();
        float[] uv = mesh.uv();
        byte[] part = mesh.part();
        int n = part.length;
        if (sx.length < n) {
            sx = new float[n];
            sy = new float[n];
            siz = new float[n];
            su = new float[n];
            sv = new float[n];
        }
        for (int i = 0; i < n; i++) {
            Rigid r = parts[part[i]];
            double px = xyz[3 * i];
            double py = xyz[3 * i + 1];
            double pz = xyz[3 * i + 2];
            double x = r.x(px, py, pz);
            double y = r.y(px, py, pz);
            double z = r.z(px, py, pz);
            if (z < 1e-3) {
                siz[i] = -1; // behind the camera: triangles using it are skipped
                continue;
            }
            double iz = 1.0 / z;
            sx[i] = (float) (FOCAL * x * iz + CX);
            sy[i] = (float) (FOCAL * y * iz + CY);
            siz[i] = (float) iz;
            su[i] = (float) (uv[2 * i] * iz);
            sv[i] = (float) (uv[2 * i + 1] * iz);
        }
    }

    private void rasterise(int a, int b, int c) {
        if (siz[a] <= 0 || siz[b] <= 0 || siz[c] <= 0) {
            return;
        }
        float x0 = sx[a];
        float y0 = sy[a];
        float x1 = sx[b];
        float y1 = sy[b];
        float x2 = sx[c];
        float y2 = sy[c];
        float area = (x1 - x0) * (y2 - y0) - (x2 - x0) * (y1 - y0);
        if (Math.abs(area) < 1e-6f) {
            return;
        }
        int bx0 = Math.max(0, (int) Math.ceil(Math.min(x0, Math.min(x1, x2))));
        int bx1 = Math.min(WIDTH - 1, (int) Math.floor(Math.max(x0, Math.max(x1, x2))));
        int by0 = Math.max(0, (int) Math.ceil(Math.min(y0, Math.min(y1, y2))));
        int by1 = Math.min(HEIGHT - 1, (int) Math.floor(Math.max(y0, Math.max(y1, y2))));
        if (bx0 > bx1 || by0 > by1) {
            return;
        }
        float inv = 1f / area;
        // barycentric weights are affine in (x, y): w = base + dx * x + dy * y
        float w0dx = (y1 - y2) * inv;
        float w0dy = (x2 - x1) * inv;
        float w0c = (x1 * y2 - x2 * y1) * inv;
        float w1dx = (y2 - y0) * inv;
        float w1dy = (x0 - x2) * inv;
        float w1c = (x2 * y0 - x0 * y2) * inv;
        float iz0 = siz[a];
        float iz1 = siz[b];
        float iz2 = siz[c];
        float u0 = su[a];
        float u1 = su[b];
        float u2 = su[c];
        float v0 = sv[a];
        float v1 = sv[b];
        float v2 = sv[c];
        final float eps = -1e-5f;
        boolean any = false;
        for (int py = by0; py <= by1; py++) {
            float w0 = w0c + w0dy * py + w0dx * bx0;
            float w1 = w1c + w1dy * py + w1dx * bx0;
            int row = py * WIDTH;
            for (int px = bx0; px <= bx1; px++, w0 += w0dx, w1 += w1dx) {
                float w2 = 1f - w0 - w1;
                if (w0 < eps || w1 < eps || w2 < eps) {
                    continue;
                }
                float iz = w0 * iz0 + w1 * iz1 + w2 * iz2;
                int idx = row + px;
                if (iz <= depth[idx]) {
                    continue;
                }
                float z = 1f / iz;
                float u = (w0 * u0 + w1 * u1 + w2 * u2) * z;
                float v = (w0 * v0 + w1 * v1 + w2 * v2) * z;
                int tu = Math.min(texW - 1, Math.max(0, (int) (u + 0.5f)));
                int tv = Math.min(texH - 1, Math.max(0, (int) (v + 0.5f)));
                if ((alpha[tv * texW + tu] & 0xff) < TRANSPARENT) {
                    continue; // fully transparent texels (background around the head) hide nothing
                }
                depth[idx] = iz;
                mapX[idx] = u;
                mapY[idx] = v;
                any = true;
            }
        }
        if (any) {
            minX = Math.min(minX, bx0);
            maxX = Math.max(maxX, bx1);
            minY = Math.min(minY, by0);
            maxY = Math.max(maxY, by1);
        }
    }

    private void composite(byte[] canvas, int w, int h, Shading s) {
        float[] side = new float[w];
        for (int x = 0; x < w; x++) {
            side[x] = (float) Math.max(0.2, 1 + s.side() * (2.0 * x / Math.max(1, w - 1) - 1));
        }
        float gb = (float) s.gainB();
        float gg = (float) s.gainG();
        float gr = (float) s.gainR();
        float opacity = (float) (s.opacity() / 255.0);
        for (int y = 0; y < h; y++) {
            int src = y * w * 4;
            int dst = ((y + minY) * WIDTH + minX) * 3;
            for (int x = 0; x < w; x++, src += 4, dst += 3) {
                int a = layerBytes[src + 3] & 0xff;
                if (a == 0) {
                    continue;
                }
                float alpha = a * opacity;
                float l = side[x];
                canvas[dst] = blend(canvas[dst], (layerBytes[src] & 0xff) * gb * l, alpha);
                canvas[dst + 1] = blend(canvas[dst + 1], (layerBytes[src + 1] & 0xff) * gg * l, alpha);
                canvas[dst + 2] = blend(canvas[dst + 2], (layerBytes[src + 2] & 0xff) * gr * l, alpha);
            }
        }
    }

    private static byte blend(byte bg, float fg, float alpha) {
        float b = bg & 0xff;
        float v = b + (Math.min(255f, fg) - b) * alpha;
        return (byte) Math.round(Math.max(0f, Math.min(255f, v)));
    }

    @Override
    public void close() {
        mapXMat.close();
        mapYMat.close();
        mapXPtr.close();
        mapYPtr.close();
        layer.close();
    }
}
