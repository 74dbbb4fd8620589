package dev.livecheck.core.vision;

/**
 * A square, roll-corrected region around a face: centre, side length and
 * rotation (radians, image coordinates). {@link #toImage} maps a point of the
 * {@code size x size} crop back to the image.
 */
record FaceCrop(double centerX, double centerY, double side, double angle, int size) {

    /** MediaPipe's detection-to-ROI rule: box centre, 1.5 x the longer side, rotated by the eye line. */
    static FaceCrop fromDetection(FaceDetection d, int size) {
        double angle = Math.atan2(d.keypointY(FaceDetection.LEFT_EYE) - d.keypointY(FaceDetection.RIGHT_EYE),
                d.keypointX(FaceDetection.LEFT_EYE) - d.keypointX(FaceDetection.RIGHT_EYE));
        double side = Math.max(d.width(), d.height()) * 1.5;
        return new FaceCrop(d.centerX(), d.centerY(), side, angle, size);
    }

    /** 2x3 matrix (row-major) mapping crop pixels to image pixels, for warpAffine's inverse map. */
    double[] cropToImage() {
        double k = side / size;
        double c = Math.cos(angle);
        double s = Math.sin(angle);
        double half = side / 2;
        return new double[] {
            k * c, -k * s, centerX - c * half + s * half,
            k * s, k * c, centerY - s * half - c * half};
    }

    double scale() {
        return side / size;
    }
}
