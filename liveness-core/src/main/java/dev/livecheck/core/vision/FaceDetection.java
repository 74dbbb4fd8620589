package dev.livecheck.core.vision;

/**
 * One face found by the detector, in image pixels: the box, the detector's
 * confidence and its six keypoints (right eye, left eye, nose tip, mouth
 * centre, right ear tragion, left ear tragion; "right" is the person's right,
 * which is the image's left in an unmirrored frame).
 */
public record FaceDetection(float x, float y, float width, float height, float score, float[] keypoints) {

    public static final int RIGHT_EYE = 0;
    public static final int LEFT_EYE = 1;

    public float centerX() {
        return x + width / 2;
    }

    public float centerY() {
        return y + height / 2;
    }

    public float keypointX(int k) {
        return keypoints[2 * k];
    }

    public float keypointY(int k) {
        return keypoints[2 * k + 1];
    }

    /**
     * The detection a tracked frame stands for (the detector did not run):
     * the box the tracked region frames (a region is 1.5 x the box, as in
     * {@link FaceCrop#fromDetection}), the landmarks' eye, nose, mouth and
     * ear points as keypoints, and Face Mesh's presence as the score.
     */
    static FaceDetection tracked(FaceLandmarks l, FaceCrop crop) {
        float side = (float) (crop.side() / 1.5);
        float[] kp = {
            (l.x(33) + l.x(133)) / 2, (l.y(33) + l.y(133)) / 2,
            (l.x(362) + l.x(263)) / 2, (l.y(362) + l.y(263)) / 2,
            l.x(FaceLandmarks.NOSE_TIP), l.y(FaceLandmarks.NOSE_TIP),
            (l.x(13) + l.x(14)) / 2, (l.y(13) + l.y(14)) / 2,
            l.x(FaceLandmarks.RIGHT_CHEEK_EDGE), l.y(FaceLandmarks.RIGHT_CHEEK_EDGE),
            l.x(FaceLandmarks.LEFT_CHEEK_EDGE), l.y(FaceLandmarks.LEFT_CHEEK_EDGE)};
        return new FaceDetection((float) crop.centerX() - side / 2, (float) crop.centerY() - side / 2, side, side,
                l.presence(), kp);
    }

    FaceDetection translated(float dx, float dy) {
        float[] kp = keypoints.clone();
        for (int k = 0; k < kp.length; k += 2) {
            kp[k] += dx;
            kp[k + 1] += dy;
        }
        return new FaceDetection(x + dx, y + dy, width, height, score, kp);
    }

    /** Overlap as intersection over union, or 1 when one box's centre lies inside the other (same face, other scale). */
    float iou(FaceDetection o) {
        if (contains(o.centerX(), o.centerY()) || o.contains(centerX(), centerY())) {
            return 1;
        }
        float ix = Math.max(0, Math.min(x + width, o.x + o.width) - Math.max(x, o.x));
        float iy = Math.max(0, Math.min(y + height, o.y + o.height) - Math.max(y, o.y));
        float inter = ix * iy;
        float union = width * height + o.width * o.height - inter;
        return union <= 0 ? 0 : inter / union;
    }

    private boolean contains(float px, float py) {
        return px >= x && px <= x + width && py >= y && py <= y + height;
    }
}
