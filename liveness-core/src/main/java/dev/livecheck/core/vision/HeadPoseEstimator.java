package dev.livecheck.core.vision;

import static org.bytedeco.opencv.global.opencv_calib3d.Rodrigues;
import static org.bytedeco.opencv.global.opencv_calib3d.SOLVEPNP_ITERATIVE;
import static org.bytedeco.opencv.global.opencv_calib3d.solvePnP;
import static org.bytedeco.opencv.global.opencv_core.CV_32FC2;
import static org.bytedeco.opencv.global.opencv_core.CV_32FC3;
import static org.bytedeco.opencv.global.opencv_core.CV_64F;

import org.bytedeco.javacpp.indexer.DoubleIndexer;
import org.bytedeco.javacpp.indexer.FloatIndexer;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Head pose by fitting MediaPipe's canonical 3D face to an even subset of the
 * 468 landmarks ({@link #POSE_POINTS}) with {@code solvePnP}. The camera is modelled as a pinhole with focal length equal
 * to the image width, which is close enough for webcams and phones: errors in
 * the focal length scale the distance but barely change the angles.
 * Not thread-safe (reuses native buffers): one instance per thread.
 */
public final class HeadPoseEstimator implements AutoCloseable {

    /** Distance between the canonical model's outer eye corners (landmarks 33 and 263). */
    private static final double CANONICAL_INTEROCULAR_CM = 8.89;

    /**
     * Every {@value #POSE_STRIDE}th mesh point takes part in the fit: the mesh's numbering is scattered over
     * the whole face, so the subset spans it as the full mesh does, and the solver's cost falls with the point
     * count (0.85 ms a frame for all 468, a fifth of the per-frame budget; angles agree within a fraction of a
     * degree, see HeadPoseEstimatorTest).
     */
    static final int POSE_STRIDE = 4;
    static final int POSE_POINTS = (FaceLandmarks.COUNT + POSE_STRIDE - 1) / POSE_STRIDE;

    private final Mat objectPoints = new Mat(POSE_POINTS, 1, CV_32FC3);
    private final Mat imagePoints = new Mat(POSE_POINTS, 1, CV_32FC2);
    private final Mat camera = new Mat(3, 3, CV_64F);
    private final Mat distortion = new Mat();
    private final Mat rvec = new Mat();
    private final Mat tvec = new Mat();
    private final Mat rotation = new Mat();

    public HeadPoseEstimator(CanonicalFaceMesh mesh) {
        try (FloatIndexer o = objectPoints.createIndexer()) {
            for (int k = 0; k < POSE_POINTS; k++) {
                int i = k * POSE_STRIDE;
                // canonical: x image-right, y up, z toward camera -> OpenCV camera axes: x right, y down, z away
                o.put(k, 0, 0, mesh.x(i));
                o.put(k, 0, 1, -mesh.y(i));
                o.put(k, 0, 2, -mesh.z(i));
            }
        }
    }

    public HeadPose estimate(FaceLandmarks landmarks, int imageWidth, int imageHeight) {
        try (FloatIndexer p = imagePoints.createIndexer()) {
            for (int k = 0; k < POSE_POINTS; k++) {
                p.put(k, 0, 0, landmarks.x(k * POSE_STRIDE));
                p.put(k, 0, 1, landmarks.y(k * POSE_STRIDE));
            }
        }
        try (DoubleIndexer k = camera.createIndexer()) {
            double f = imageWidth;
            k.put(0, 0, f);
            k.put(0, 1, 0);
            k.put(0, 2, imageWidth / 2.0);
            k.put(1, 0, 0);
            k.put(1, 1, f);
            k.put(1, 2, imageHeight / 2.0);
            k.put(2, 0, 0);
            k.put(2, 1, 0);
            k.put(2, 2, 1);
        }
        guessFrontal(landmarks, imageWidth, imageHeight);
        solvePnP(objectPoints, imagePoints, camera, distortion, rvec, tvec, true, SOLVEPNP_ITERATIVE);
        Rodrigues(rvec, rotation);
        try (DoubleIndexer r = rotation.createIndexer(); DoubleIndexer t = tvec.createIndexer()) {
            // The nose direction is the model's -z axis (toward the camera) rotated into the camera frame.
            double nx = -r.get(0, 2);
            double ny = -r.get(1, 2);
            double nz = -r.get(2, 2);
            double yaw = Math.toDegrees(Math.atan2(nx, -nz));
            double pitch = Math.toDegrees(Math.atan2(-ny, Math.hypot(nx, nz)));
            double roll = Math.toDegrees(Math.atan2(r.get(1, 0), r.get(0, 0)));
            // A face off the optical axis that looks into the lens is not "turned":
            // measure the angles against the line of sight, not the camera axis.
            double tx = t.get(0);
            double ty = t.get(1);
            double tz = t.get(2);
            double sightYaw = Math.toDegrees(Math.atan2(-tx, tz));
            double sightPitch = Math.toDegrees(Math.atan2(ty, Math.hypot(tx, tz)));
            return new HeadPose(yaw - sightYaw, pitch - sightPitch, roll, Math.sqrt(tx * tx + ty * ty + tz * tz));
        }
    }

    /**
     * Starts the solver from a frontal face at the distance its eye span
     * implies. Without a start, nearly planar landmarks (a print) can converge
     * to a mirrored solution facing away from the camera.
     */
    private void guessFrontal(FaceLandmarks landmarks, int imageWidth, int imageHeight) {
        double f = imageWidth;
        double z = f * CANONICAL_INTEROCULAR_CM / Math.max(1, landmarks.interocular());
        double cx = (landmarks.x(FaceLandmarks.RIGHT_EYE_OUTER) + landmarks.x(FaceLandmarks.LEFT_EYE_OUTER)) / 2;
        double cy = (landmarks.y(FaceLandmarks.RIGHT_EYE_OUTER) + landmarks.y(FaceLandmarks.LEFT_EYE_OUTER)) / 2;
        rvec.create(3, 1, CV_64F);
        tvec.create(3, 1, CV_64F);
        try (DoubleIndexer r = rvec.createIndexer(); DoubleIndexer t = tvec.createIndexer()) {
            r.put(0, 0, 0);
            r.put(1, 0, 0);
            r.put(2, 0, 0);
            t.put(0, 0, (cx - imageWidth / 2.0) * z / f);
            t.put(1, 0, (cy - imageHeight / 2.0) * z / f);
            t.put(2, 0, z);
        }
    }

    @Override
    public void close() {
        objectPoints.close();
        imagePoints.close();
        camera.close();
        distortion.close();
        rvec.close();
        tvec.close();
        rotation.close();
    }
}
