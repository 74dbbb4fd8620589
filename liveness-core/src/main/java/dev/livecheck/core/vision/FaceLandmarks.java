package dev.livecheck.core.vision;

/**
 * The 468 Face Mesh landmarks of one face in image pixels. {@code z} is depth
 * relative to the face centre, in the same pixel scale as x (smaller is
 * closer to the camera). {@code presence} is the model's face-presence
 * probability for the crop.
 */
public record FaceLandmarks(float[] xyz, float presence) {

    public static final int COUNT = 468;
    public static final int NOSE_TIP = 1;
    public static final int FOREHEAD = 10;
    public static final int CHIN = 152;
    public static final int RIGHT_EYE_OUTER = 33;
    public static final int RIGHT_EYE_INNER = 133;
    public static final int LEFT_EYE_INNER = 362;
    public static final int LEFT_EYE_OUTER = 263;
    public static final int RIGHT_CHEEK_EDGE = 234;
    public static final int LEFT_CHEEK_EDGE = 454;
    public static final int MOUTH_RIGHT = 61;
    public static final int MOUTH_LEFT = 291;

    public float x(int i) {
        return xyz[3 * i];
    }

    public float y(int i) {
        return xyz[3 * i + 1];
    }

    public float z(int i) {
        return xyz[3 * i + 2];
    }

    /** Distance between the outer eye corners, a scale that barely changes with expression. */
    public float interocular() {
        return (float) Math.hypot(x(LEFT_EYE_OUTER) - x(RIGHT_EYE_OUTER), y(LEFT_EYE_OUTER) - y(RIGHT_EYE_OUTER));
    }

    /** Width of the face between the cheek edges, in pixels. */
    public float faceWidth() {
        return (float) Math.hypot(x(LEFT_CHEEK_EDGE) - x(RIGHT_CHEEK_EDGE), y(LEFT_CHEEK_EDGE) - y(RIGHT_CHEEK_EDGE));
    }

    /** Axis-aligned bounds {minX, minY, maxX, maxY}. */
    public float[] bounds() {
        float minX = Float.MAX_VALUE;
        float minY = Float.MAX_VALUE;
        float maxX = -Float.MAX_VALUE;
        float maxY = -Float.MAX_VALUE;
        for (int i = 0; i < COUNT; i++) {
            minX = Math.min(minX, x(i));
            maxX = Math.max(maxX, x(i));
            minY = Math.min(minY, y(i));
            maxY = Math.max(maxY, y(i));
        }
        return new float[] {minX, minY, maxX, maxY};
    }
}
