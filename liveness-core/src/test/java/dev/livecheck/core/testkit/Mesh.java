package dev.livecheck.core.testkit;

import org.bytedeco.opencv.opencv_core.Mat;

/**
 * A textured triangle mesh ready for {@link HeadRenderer}: model-space vertices
 * (x right, y down, z away from the camera, in the texture's pixel units), the
 * texture pixel each vertex shows, which rigid part it belongs to (each part
 * gets its own transform when rendered, e.g. head and shoulders) and the
 * triangles. The texture is BGRA; its alpha is the soft matte used when the
 * rendered layer is composited over the scene. Immutable once built and safe
 * to share between threads (renderers only read the texture).
 */
public final class Mesh {

    private final float[] xyz;
    private final float[] uv;
    private final byte[] part;
    private final int[] triangles;
    private final Mat texture;
    private final byte[] alpha;

    Mesh(float[] xyz, float[] uv, byte[] part, int[] triangles, Mat texture) {
        if (xyz.length % 3 != 0 || uv.length / 2 != xyz.length / 3 || part.length != xyz.length / 3
                || triangles.length % 3 != 0) {
            throw new IllegalArgumentException("inconsistent mesh arrays");
        }
        if (texture.channels() != 4) {
            throw new IllegalArgumentException("mesh texture must be BGRA");
        }
        this.xyz = xyz;
        this.uv = uv;
        this.part = part;
        this.triangles = triangles;
        this.texture = texture;
        this.alpha = new byte[texture.cols() * texture.rows()];
        try (org.bytedeco.javacpp.indexer.UByteIndexer idx = texture.createIndexer()) {
            for (int y = 0; y < texture.rows(); y++) {
                for (int x = 0; x < texture.cols(); x++) {
                    alpha[y * texture.cols() + x] = (byte) idx.get(y, x, 3);
                }
            }
        }
    }

    /** A flat rectangle covering the whole texture, as a {@code cells x cells} grid, pivoting around {@code (px, py)}. */
    static Mesh plane(Mat bgraTexture, int cells) {
        int w = bgraTexture.cols();
        int h = bgraTexture.rows();
        int n = cells + 1;
        float[] xyz = new float[n * n * 3];
        float[] uv = new float[n * n * 2];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                int k = j * n + i;
                float u = (w - 1) * i / (float) cells;
                float v = (h - 1) * j / (float) cells;
                xyz[3 * k] = u;
                xyz[3 * k + 1] = v;
                xyz[3 * k + 2] = 0;
                uv[2 * k] = u;
                uv[2 * k + 1] = v;
            }
        }
        int[] tris = new int[cells * cells * 6];
        int t = 0;
        for (int j = 0; j < cells; j++) {
            for (int i = 0; i < cells; i++) {
                int a = j * n + i;
                tris[t++] = a;
                tris[t++] = a + 1;
                tris[t++] = a + n;
                tris[t++] = a + 1;
                tris[t++] = a + n + 1;
                tris[t++] = a + n;
            }
        }
        return new Mesh(xyz, uv, new byte[n * n], tris, bgraTexture);
    }

    public int vertexCount() {
        return part.length;
    }

    public int triangleCount() {
        return triangles.length / 3;
    }

    float[] xyz() {
        return xyz;
    }

    float[] uv() {
        return uv;
    }

    byte[] part() {
        return part;
    }

    int[] triangles() {
        return triangles;
    }

    /** The texture's alpha channel at mesh construction, row-major; the renderer lets fully transparent texels not occlude. */
    byte[] alpha() {
        return alpha;
    }

    Mat texture() {
        return texture;
    }
}
