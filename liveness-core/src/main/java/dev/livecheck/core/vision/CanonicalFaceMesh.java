package dev.livecheck.core.vision;

import java.util.ArrayList;
import java.util.List;

/**
 * MediaPipe's canonical 3D face: 468 vertices (centimetres; x to the face's
 * left as seen by the camera, i.e. image right, y up, z toward the camera) and
 * the triangles that connect them. Used as the 3D template for head pose and,
 * in the test kit, to render faces.
 */
public final class CanonicalFaceMesh {

    public static final int VERTICES = 468;

    private final float[] xyz;
    private final int[] triangles;

    private CanonicalFaceMesh(float[] xyz, int[] triangles) {
        this.xyz = xyz;
        this.triangles = triangles;
    }

    static CanonicalFaceMesh parse(String text) {
        float[] xyz = new float[VERTICES * 3];
        List<int[]> tris = new ArrayList<>();
        int v = 0;
        boolean inTriangles = false;
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("vertices")) {
                continue;
            }
            if (line.startsWith("triangles")) {
                inTriangles = true;
                continue;
            }
            String[] p = line.split(" ");
            if (inTriangles) {
                tris.add(new int[] {Integer.parseInt(p[0]), Integer.parseInt(p[1]), Integer.parseInt(p[2])});
            } else {
                for (int k = 0; k < 3; k++) {
                    xyz[v * 3 + k] = Float.parseFloat(p[k]);
                }
                v++;
            }
        }
        if (v != VERTICES || tris.isEmpty()) {
            throw new IllegalStateException("canonical face mesh has " + v + " vertices and " + tris.size() + " triangles");
        }
        int[] flat = new int[tris.size() * 3];
        for (int i = 0; i < tris.size(); i++) {
            System.arraycopy(tris.get(i), 0, flat, i * 3, 3);
        }
        return new CanonicalFaceMesh(xyz, flat);
    }

    public float x(int i) {
        return xyz[i * 3];
    }

    public float y(int i) {
        return xyz[i * 3 + 1];
    }

    public float z(int i) {
        return xyz[i * 3 + 2];
    }

    /** Triangle vertex indices, three per triangle. A copy. */
    public int[] triangles() {
        return triangles.clone();
    }
}
