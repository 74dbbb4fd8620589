package dev.livecheck.core.vision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Head pose from a subset of the mesh: the canonical face turned by known angles and projected through the same
 * pinhole the estimator assumes, with landmark noise, comes back at those angles.
 */
class HeadPoseEstimatorTest {

    private static final int WIDTH = 640;
    private static final int HEIGHT = 480;
    private static final CanonicalFaceMesh MESH = FaceVisionModels.loadBundled().canonicalMesh();

    @ParameterizedTest
    @CsvSource({"0, 0", "25, 0", "-25, 0", "0, 18", "0, -15", "20, 12", "-30, -10"})
    void recoversKnownAnglesFromNoisyLandmarks(double yaw, double pitch) {
        try (HeadPoseEstimator estimator = new HeadPoseEstimator(MESH)) {
            HeadPose pose = estimator.estimate(project(yaw, pitch, new Random(7), 1.5), WIDTH, HEIGHT);
            assertThat(pose.yaw()).isCloseTo(yaw, within(1.5));
            assertThat(pose.pitch()).isCloseTo(pitch, within(1.5));
        }
    }

    @Test
    void theSubsetSpansTheFace() {
        // the points the fit uses reach the forehead, the chin and both cheek edges, as the full mesh does
        double minX = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (int k = 0; k < HeadPoseEstimator.POSE_POINTS; k++) {
            int i = k * HeadPoseEstimator.POSE_STRIDE;
            minX = Math.min(minX, MESH.x(i));
            maxX = Math.max(maxX, MESH.x(i));
            minY = Math.min(minY, MESH.y(i));
            maxY = Math.max(maxY, MESH.y(i));
        }
        double width = MESH.x(FaceLandmarks.LEFT_CHEEK_EDGE) - MESH.x(FaceLandmarks.RIGHT_CHEEK_EDGE);
        double height = MESH.y(FaceLandmarks.FOREHEAD) - MESH.y(FaceLandmarks.CHIN);
        assertThat(maxX - minX).isGreaterThan(0.9 * Math.abs(width));
        assertThat(maxY - minY).isGreaterThan(0.9 * Math.abs(height));
    }

    /**
     * The canonical mesh (x right, y up, z toward the camera) turned by yaw and pitch in the estimator's
     * convention (a rotation of the camera-axes model by minus those angles), 50 cm in front of the camera.
     */
    private static FaceLandmarks project(double yawDegrees, double pitchDegrees, Random noise, double sigmaPixels) {
        double yaw = -Math.toRadians(yawDegrees);
        double pitch = -Math.toRadians(pitchDegrees);
        float[] xyz = new float[FaceLandmarks.COUNT * 3];
        double f = WIDTH;
        for (int i = 0; i < FaceLandmarks.COUNT; i++) {
            // camera axes: x right, y down, z away from the camera
            double x = MESH.x(i);
            double y = -MESH.y(i);
            double z = -MESH.z(i);
            double x1 = Math.cos(yaw) * x + Math.sin(yaw) * z;
            double z1 = -Math.sin(yaw) * x + Math.cos(yaw) * z;
            double y2 = Math.cos(pitch) * y - Math.sin(pitch) * z1;
            double z2 = Math.sin(pitch) * y + Math.cos(pitch) * z1 + 50;
            xyz[3 * i] = (float) (f * x1 / z2 + WIDTH / 2.0 + noise.nextGaussian() * sigmaPixels);
            xyz[3 * i + 1] = (float) (f * y2 / z2 + HEIGHT / 2.0 + noise.nextGaussian() * sigmaPixels);
            xyz[3 * i + 2] = (float) (z2 - 50);
        }
        return new FaceLandmarks(xyz, 1f);
    }
}
