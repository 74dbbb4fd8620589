package dev.livecheck.core.testkit;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.CV_32FC2;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC4;
import static org.bytedeco.opencv.global.opencv_core.merge;
import static org.bytedeco.opencv.global.opencv_core.split;
import static org.bytedeco.opencv.global.opencv_core.vconcat;
import static org.bytedeco.opencv.global.opencv_imgproc.GaussianBlur;
import static org.bytedeco.opencv.global.opencv_imgproc.LINE_AA;
import static org.bytedeco.opencv.global.opencv_imgproc.convexHull;
import static org.bytedeco.opencv.global.opencv_imgproc.fillPoly;

import dev.livecheck.core.vision.CanonicalFaceMesh;
import dev.livecheck.core.vision.FaceLandmarks;
import dev.livecheck.core.vision.FaceObservation;
import dev.livecheck.core.vision.FrameAnalyzer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.indexer.FloatIndexer;
import org.bytedeco.javacpp.indexer.IntIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * A real face photo lifted to a textured 3D head.
 *
 * <p>The 468 Face Mesh landmarks of the photo give the vertices (x, y in photo
 * pixels; z from the landmark depth) and the canonical mesh's triangulation
 * connects them. Two rings of extra vertices beyond the face contour carry
 * hair, ears and a little of the photo's background; they sit progressively
 * behind the face so the head outline shifts plausibly when it turns. A flat
 * grid below the chin carries the neck and shoulders: it follows the head's
 * position and scale, but only a fraction of its yaw and roll.
 *
 * <p><b>Depth.</b> Face Mesh's z is in roughly the same pixel scale as x, but
 * its amplitude varies from photo to photo. We rescale it so the nose tip
 * (landmark 1) lies in front of the cheek edges (landmarks 234 and 454) by the
 * same fraction of the face width as in MediaPipe's canonical face (about 0.41
 * face widths; clamped to 0.3..0.5). {@link #noseProtrusion()} reports the
 * value used and {@link #rawNoseProtrusion()} the photo's own. Model units are
 * photo pixels; z = 0 is the cheek-edge depth, negative toward the camera.
 *
 * <p><b>Pivot.</b> The head rotates about a point 0.35 face widths behind the
 * cheek edges and 0.15 face widths below the face centre, roughly the top of
 * the neck, so turning the head also swings the face sideways as a real head
 * does.
 *
 * <p>The texture is the photo twice, stacked: the upper copy with a soft head
 * matte (face, hair, ears), the lower one with a soft neck-and-shoulders
 * matte. Immutable; share one instance between threads.
 */
public final class FaceModel3D {

    /** MediaPipe's face oval, clockwise in the image from the top of the forehead. */
    static final int[] FACE_OVAL = {10, 338, 297, 332, 284, 251, 389, 356, 454, 323, 361, 288, 397, 365, 379, 378,
        400, 377, 152, 148, 176, 149, 150, 136, 172, 58, 132, 93, 234, 127, 162, 21, 54, 103, 67, 109};

    static final int PART_HEAD = 0;
    static final int PART_BODY = 1;
    static final double PIVOT_DEPTH = 0.35;
    static final double PIVOT_DROP = 0.15;
    /**
     * Pitch the engine reads for a level face looking into the lens, in
     * degrees (the canonical model sits slightly chin-up): photos are only
     * corrected toward it, and by at most {@link #PITCH_CORRECTION_LIMIT}.
     */
    static final double NEUTRAL_PITCH = -10;
    static final double PITCH_CORRECTION_LIMIT = 12;
    /** Fraction of the head's yaw and roll that the shoulders follow. */
    static final double BODY_FOLLOW = 0.2;

    private final String name;
    private final Mat photo;
    private final FaceLandmarks landmarks;
    private final Mesh mesh;
    private final float faceWidth;
    private final float centreX;
    private final float centreY;
    private final float pivotX;
    private final float pivotY;
    private final float pivotZ;
    private final double rawNoseProtrusion;
    private final double noseProtrusion;
    private final double photoYaw;
    private final double photoPitch;

    private FaceModel3D(String name, Mat photo, FaceLandmarks landmarks, Mesh mesh, float faceWidth,
            float centreX, float centreY, double rawNoseProtrusion, double noseProtrusion,
            double photoYaw, double photoPitch) {
        this.name = name;
        this.photo = photo;
        this.landmarks = landmarks;
        this.mesh = mesh;
        this.faceWidth = faceWidth;
        this.centreX = centreX;
        this.centreY = centreY;
        this.pivotX = centreX;
        this.pivotY = (float) (centreY + PIVOT_DROP * faceWidth);
        this.pivotZ = (float) (PIVOT_DEPTH * faceWidth);
        this.rawNoseProtrusion = rawNoseProtrusion;
        this.noseProtrusion = noseProtrusion;
        this.photoYaw = photoYaw;
        this.photoPitch = photoPitch;
    }

    /**
     * Lifts the largest face of a BGR photo to 3D.
     *
     * @throws IllegalArgumentException when no face is found in the photo
     */
    public static FaceModel3D lift(String name, Mat photoBgr, FrameAnalyzer analyzer, CanonicalFaceMesh canonical) {
        FaceObservation obs = analyzer.observeLargestFace(photoBgr);
        if (obs == null) {
            throw new IllegalArgumentException("no face found in face photo " + name);
        }
        FaceLandmarks lm = obs.landmarks();
        int w = photoBgr.cols();
        int h = photoBgr.rows();
        float fw = lm.faceWidth();
        float cx = (lm.x(FaceLandmarks.RIGHT_CHEEK_EDGE) + lm.x(FaceLandmarks.LEFT_CHEEK_EDGE)) / 2;
        float cy = (lm.y(FaceLandmarks.FOREHEAD) + lm.y(FaceLandmarks.CHIN)) / 2;
        float cheekZ = (lm.z(FaceLandmarks.RIGHT_CHEEK_EDGE) + lm.z(FaceLandmarks.LEFT_CHEEK_EDGE)) / 2;
        double raw = (cheekZ - lm.z(FaceLandmarks.NOSE_TIP)) / fw;
        double target = Math.max(0.3, Math.min(0.8, canonicalNoseProtrusion(canonical)));
        double depthScale = raw > 0.05 ? target / raw : 1.0;

        int n = FaceLandmarks.COUNT;
        int ring = FACE_OVAL.length;
        int headVertices = n + 2 * ring;
        int bodyCols = 7;
        int bodyRows = 6;
        int vertices = headVertices + bodyCols * bodyRows;
        float[] xyz = new float[vertices * 3];
        float[] uv = new float[vertices * 2];
        byte[] part = new byte[vertices];
        for (int i = 0; i < n; i++) {
            xyz[3 * i] = lm.x(i);
            xyz[3 * i + 1] = lm.y(i);
            xyz[3 * i + 2] = (float) ((lm.z(i) - cheekZ) * depthScale);
            uv[2 * i] = clamp(lm.x(i), 0, w - 1);
            uv[2 * i + 1] = clamp(lm.y(i), 0, h - 1);
        }
        for (int k = 0; k < ring; k++) {
            int p = FACE_OVAL[k];
            float dx = lm.x(p) - cx;
            float dy = lm.y(p) - cy;
            double len = Math.max(1e-3, Math.hypot(dx, dy));
            double up = Math.max(0, -dy / len);
            double[] scales = {1.14 + 0.16 * up, 1.45 + 0.2 * up};
            double[] behind = {0.08, 0.35};
            for (int r = 0; r < 2; r++) {
                int v = n + r * ring + k;
                float x = (float) (cx + dx * scales[r]);
                float y = (float) (cy + dy * scales[r]);
                xyz[3 * v] = x;
                xyz[3 * v + 1] = y;
                float z = (float) (xyz[3 * p + 2] + behind[r] * fw);
                // below the cheeks the ring tucks in behind the neck plane, so it never hides the neck
                double down = Math.max(0, dy / len);
                if (down > 0.2) {
                    z = (float) Math.max(z, (PIVOT_DEPTH + 0.05 + 0.1 * r) * fw);
                }
                xyz[3 * v + 2] = z;
                uv[2 * v] = clamp(x, 0, w - 1);
                uv[2 * v + 1] = clamp(y, 0, h - 1);
            }
        }
        // neck and shoulders: a flat grid at the pivot's depth, texture rows offset by h (lower copy)
        float chinY = lm.y(FaceLandmarks.CHIN);
        float top = chinY - 0.2f * fw;
        float bottom = h - 1 + 1.5f * fw;
        float left = -1.5f * fw;
        float right = w - 1 + 1.5f * fw;
        for (int j = 0; j < bodyRows; j++) {
            for (int i = 0; i < bodyCols; i++) {
                int v = headVertices + j * bodyCols + i;
                float x = left + (right - left) * i / (bodyCols - 1);
                float y = top + (bottom - top) * j / (bodyRows - 1);
                xyz[3 * v] = x;
                xyz[3 * v + 1] = y;
                xyz[3 * v + 2] = (float) (PIVOT_DEPTH * fw);
                uv[2 * v] = clamp(x, 0, w - 1);
                uv[2 * v + 1] = clamp(y, 0, h - 1) + h;
                part[v] = PART_BODY;
            }
        }
        int[] faceTris = canonical.triangles();
        int[] tris = new int[faceTris.length + 2 * ring * 6 + (bodyCols - 1) * (bodyRows - 1) * 6];
        System.arraycopy(faceTris, 0, tris, 0, faceTris.length);
        int t = faceTris.length;
        for (int k = 0; k < ring; k++) {
            int k1 = (k + 1) % ring;
            int[] inner = {FACE_OVAL[k], FACE_OVAL[k1]};
            for (int r = 0; r < 2; r++) {
                int a = r == 0 ? inner[0] : n + k;
                int b = r == 0 ? inner[1] : n + k1;
                int a1 = n + r * ring + k;
                int b1 = n + r * ring + k1;
                if (r == 1) {
                    a = n + k;
                    b = n + k1;
                    a1 = n + ring + k;
                    b1 = n + ring + k1;
                }
                tris[t++] = a;
                tris[t++] = b;
                tris[t++] = b1;
                tris[t++] = a;
                tris[t++] = b1;
                tris[t++] = a1;
            }
        }
        for (int j = 0; j < bodyRows - 1; j++) {
            for (int i = 0; i < bodyCols - 1; i++) {
                int a = headVertices + j * bodyCols + i;
                tris[t++] = a;
                tris[t++] = a + 1;
                tris[t++] = a + bodyCols;
                tris[t++] = a + 1;
                tris[t++] = a + bodyCols + 1;
                tris[t++] = a + bodyCols;
            }
        }
        Mat texture = texture(photoBgr, lm, cx, cy, fw);
        Mesh mesh = new Mesh(xyz, uv, part, tris, texture);
        return new FaceModel3D(name, photoBgr.clone(), lm, mesh, fw, cx, cy, raw, target,
                obs.pose().yaw(), obs.pose().pitch());
    }

    /** Nose-tip protrusion in front of the cheek edges of MediaPipe's canonical face, in face widths. */
    static double canonicalNoseProtrusion(CanonicalFaceMesh c) {
        double width = Math.hypot(c.x(FaceLandmarks.LEFT_CHEEK_EDGE) - c.x(FaceLandmarks.RIGHT_CHEEK_EDGE),
                c.y(FaceLandmarks.LEFT_CHEEK_EDGE) - c.y(FaceLandmarks.RIGHT_CHEEK_EDGE));
        double cheekZ = (c.z(FaceLandmarks.LEFT_CHEEK_EDGE) + c.z(FaceLandmarks.RIGHT_CHEEK_EDGE)) / 2;
        return (c.z(FaceLandmarks.NOSE_TIP) - cheekZ) / width; // canonical z points toward the camera
    }

    private static Mat texture(Mat photo, FaceLandmarks lm, float cx, float cy, float fw) {
        int w = photo.cols();
        int h = photo.rows();
        int ring = FACE_OVAL.length;
        int[] head = new int[ring * 2];
        for (int k = 0; k < ring; k++) {
            int p = FACE_OVAL[k];
            float dx = lm.x(p) - cx;
            float dy = lm.y(p) - cy;
            double len = Math.max(1e-3, Math.hypot(dx, dy));
            double up = Math.max(0, -dy / len);
            double down = Math.max(0, dy / len);
            double s = 1.1 + 0.3 * up - 0.08 * down;
            head[2 * k] = (int) Math.round(cx + dx * s);
            head[2 * k + 1] = (int) Math.round(cy + dy * s);
        }
        float chinY = lm.y(FaceLandmarks.CHIN);
        int[] body = {
            r(cx - 0.33 * fw), r(cy + 0.1 * fw),
            r(cx + 0.33 * fw), r(cy + 0.1 * fw),
            r(cx + 0.36 * fw), r(chinY + 0.3 * fw),
            r(cx + 1.3 * fw), r(chinY + 0.75 * fw),
            r(cx + 1.8 * fw), r(h + 10.0),
            r(cx - 1.8 * fw), r(h + 10.0),
            r(cx - 1.3 * fw), r(chinY + 0.75 * fw),
            r(cx - 0.36 * fw), r(chinY + 0.3 * fw)};
        double sigma = Math.max(1.0, 0.035 * fw);
        // the whole face mesh is opaque: see faceMeshOutline
        try (Mat headMatte = matte(w, h, sigma, head, faceMeshOutline(lm, cx, cy, 2 * sigma));
                Mat bodyMatte = matte(w, h, sigma, body);
                Mat underChin = underChin(photo, lm, cx, fw);
                Mat headBgra = withAlpha(photo, headMatte); Mat bodyBgra = withAlpha(underChin, bodyMatte)) {
            Mat stacked = new Mat();
            vconcat(headBgra, bodyBgra, stacked);
            return stacked;
        }
    }

    /**
     * The photo for the neck layer: the face itself is painted over with the
     * neck's own colour, a little darker (the shadow under the chin), so a
     * head that looks up uncovers a neck rather than a second chin.
     */
    private static Mat underChin(Mat photo, FaceLandmarks lm, float cx, float fw) {
        Mat out = photo.clone();
        float chinY = lm.y(FaceLandmarks.CHIN);
        int x0 = Math.max(0, Math.round(cx - 0.12f * fw));
        int y0 = Math.min(photo.rows() - 2, Math.round(chinY + 0.03f * fw));
        int y1 = Math.min(photo.rows(), Math.round(chinY + 0.1f * fw));
        int x1 = Math.min(photo.cols(), Math.round(cx + 0.12f * fw));
        Scalar neck;
        try (Mat patch = photo.apply(new org.bytedeco.opencv.opencv_core.Rect(x0, y0, Math.max(1, x1 - x0),
                Math.max(1, y1 - y0)))) {
            neck = org.bytedeco.opencv.global.opencv_core.mean(patch);
        }
        Scalar shadow = new Scalar(neck.get(0) * 0.8, neck.get(1) * 0.8, neck.get(2) * 0.8, 0);
        int ring = FACE_OVAL.length;
        int[] oval = new int[ring * 2];
        for (int k = 0; k < ring; k++) {
            oval[2 * k] = Math.round(lm.x(FACE_OVAL[k]));
            oval[2 * k + 1] = Math.round(lm.y(FACE_OVAL[k]));
        }
        try (Point pts = new Point(ring)) {
            for (int i = 0; i < ring; i++) {
                pts.position(i).x(oval[2 * i]).y(oval[2 * i + 1]);
            }
            pts.position(0);
            fillPoly(out, pts, new IntPointer(new int[] {ring}), 1, shadow, LINE_AA, 0, new Point(0, 0));
        }
        return out;
    }

    /**
     * The convex outline of all 468 landmarks in the photo, pushed {@code margin} pixels out from {@code (cx, cy)}.
     * In a photo of a turned face (vladmandic-sample4-d, about 30 degrees) Face Mesh puts the far cheek's landmarks
     * beyond the visible contour, outside the head matte drawn around the face oval, so 33 of the face's 898 triangles
     * took transparent texels and the rendered face showed the room through a hole in its cheek: a face no camera can
     * see, on which bona fide attempts of that photo failed (docs/accuracy.md, "A see-through cheek"). So the face mesh
     * is always part of the head matte.
     */
    static int[] faceMeshOutline(FaceLandmarks lm, float cx, float cy, double margin) {
        int n = FaceLandmarks.COUNT;
        int[] hull;
        try (Mat points = new Mat(n, 1, CV_32FC2); Mat indices = new Mat()) {
            try (FloatIndexer p = points.createIndexer()) {
                for (int i = 0; i < n; i++) {
                    p.put(i, 0, 0, lm.x(i));
                    p.put(i, 0, 1, lm.y(i));
                }
            }
            convexHull(points, indices, false, false);
            hull = new int[(int) indices.total()];
            try (IntIndexer h = indices.createIndexer()) {
                for (int i = 0; i < hull.length; i++) {
                    hull[i] = h.get(i);
                }
            }
        }
        int[] polygon = new int[2 * hull.length];
        for (int i = 0; i < hull.length; i++) {
            // pushed out by the matte's blur, so the blurred edge falls outside the mesh, not on it
            double dx = lm.x(hull[i]) - cx;
            double dy = lm.y(hull[i]) - cy;
            double grow = 1 + margin / Math.max(1, Math.hypot(dx, dy));
            polygon[2 * i] = (int) Math.round(cx + dx * grow);
            polygon[2 * i + 1] = (int) Math.round(cy + dy * grow);
        }
        return polygon;
    }

    private static Mat matte(int w, int h, double sigma, int[]... polygons) {
        Mat m = new Mat(h, w, CV_8UC1, new Scalar(0));
        for (int[] polygon : polygons) {
            try (Point pts = new Point(polygon.length / 2)) {
                for (int i = 0; i < polygon.length / 2; i++) {
                    pts.position(i).x(polygon[2 * i]).y(polygon[2 * i + 1]);
                }
                pts.position(0);
                fillPoly(m, pts, new IntPointer(new int[] {polygon.length / 2}), 1, new Scalar(255), LINE_AA, 0,
                        new Point(0, 0));
            }
        }
        GaussianBlur(m, m, new Size(0, 0), sigma);
        return m;
    }

    private static Mat withAlpha(Mat bgr, Mat alpha) {
        try (MatVector channels = new MatVector()) {
            split(bgr, channels);
            try (MatVector four = new MatVector(channels.get(0), channels.get(1), channels.get(2), alpha)) {
                Mat out = new Mat(bgr.rows(), bgr.cols(), CV_8UC4);
                merge(four, out);
                return out;
            }
        }
    }

    private static int r(double v) {
        return (int) Math.round(v);
    }

    private static float clamp(float v, float lo, float hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    /**
     * Transforms (head, body) that show this head at a pose: angles in degrees
     * ({@link dev.livecheck.core.vision.HeadPose} convention), the frontal
     * face width in pixels it would have at this distance, and where the face
     * centre appears in the image when frontal.
     */
    public Rigid[] pose(double yaw, double pitch, double roll, double faceWidthPx, double centreX, double centreY) {
        // Many portraits are not frontal. A person asked to face the camera does, so the
        // photo's own head pose is undone: pose (0, 0) shows the face looking into the lens.
        yaw -= photoYaw;
        pitch -= Math.max(-PITCH_CORRECTION_LIMIT, Math.min(PITCH_CORRECTION_LIMIT, photoPitch - NEUTRAL_PITCH));
        double distance = HeadRenderer.FOCAL * faceWidth / faceWidthPx;
        // the frontal face centre (cheek-edge depth) lands at (centreX, centreY) at this distance
        double fx = centreX - HeadRenderer.CX;
        double fy = centreY - HeadRenderer.CY;
        double relX = this.centreX - pivotX;
        double relY = this.centreY - pivotY;
        double relZ = -pivotZ;
        double tx = fx * distance / HeadRenderer.FOCAL - relX;
        double ty = fy * distance / HeadRenderer.FOCAL - relY;
        double tz = distance - relZ;
        Rigid head = Rigid.of(yaw, pitch, roll, pivotX, pivotY, pivotZ, tx, ty, tz);
        Rigid body = Rigid.of(yaw * BODY_FOLLOW, 0, roll * BODY_FOLLOW, pivotX, pivotY, pivotZ, tx, ty, tz);
        return new Rigid[] {head, body};
    }

    public String name() {
        return name;
    }

    public Mesh mesh() {
        return mesh;
    }

    /** The photo (BGR); callers must not modify it. */
    public Mat photo() {
        return photo;
    }

    public FaceLandmarks landmarks() {
        return landmarks;
    }

    /** Face width (cheek edge to cheek edge) in photo pixels. */
    public float faceWidth() {
        return faceWidth;
    }

    public float centreX() {
        return centreX;
    }

    public float centreY() {
        return centreY;
    }

    /** Nose-tip depth in front of the cheek edges, in face widths, as rendered. */
    public double noseProtrusion() {
        return noseProtrusion;
    }

    /** The same measured on the photo's raw Face Mesh z, before rescaling. */
    public double rawNoseProtrusion() {
        return rawNoseProtrusion;
    }
}
