package dev.livecheck.core.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livecheck.core.vision.FaceLandmarks;
import org.junit.jupiter.api.Test;

class FaceModel3DTest {

    @Test
    void everyListedFacePhotoIsLiftedTo3D() {
        FaceLibrary library = FaceLibrary.shared();
        assertThat(library.size()).isEqualTo(FaceLibrary.index().size()).isGreaterThanOrEqualTo(2);
        for (FaceModel3D face : library.faces()) {
            assertThat(face.faceWidth()).as(face.name()).isGreaterThan(60);
            assertThat(face.noseProtrusion()).as(face.name()).isBetween(0.3, 0.8);
            Mesh mesh = face.mesh();
            assertThat(mesh.vertexCount()).isGreaterThan(FaceLandmarks.COUNT + 2 * FaceModel3D.FACE_OVAL.length);
            assertThat(mesh.triangleCount()).isGreaterThan(850);
            // the nose really is in front of the cheek edges, by the chosen fraction of the face width
            float[] xyz = mesh.xyz();
            double nose = xyz[3 * FaceLandmarks.NOSE_TIP + 2];
            double cheeks = (xyz[3 * FaceLandmarks.LEFT_CHEEK_EDGE + 2] + xyz[3 * FaceLandmarks.RIGHT_CHEEK_EDGE + 2]) / 2;
            assertThat((cheeks - nose) / face.faceWidth()).isCloseTo(face.noseProtrusion(),
                    org.assertj.core.data.Offset.offset(1e-3));
        }
    }

    @Test
    void turningTheHeadMovesTheNoseMoreThanTheCheeks() {
        FaceModel3D face = FaceLibrary.shared().faces().get(0);
        Rigid[] frontal = face.pose(0, 0, 0, 200, 320, 240);
        Rigid[] left = face.pose(30, 0, 0, 200, 320, 240);
        float[] xyz = face.mesh().xyz();
        double noseShift = screenX(left[0], xyz, FaceLandmarks.NOSE_TIP) - screenX(frontal[0], xyz, FaceLandmarks.NOSE_TIP);
        double cheekShift = screenX(left[0], xyz, FaceLandmarks.LEFT_CHEEK_EDGE)
                - screenX(frontal[0], xyz, FaceLandmarks.LEFT_CHEEK_EDGE);
        assertThat(noseShift).as("TURN_LEFT moves the nose toward the image's right edge").isGreaterThan(20);
        assertThat(noseShift).isGreaterThan(cheekShift + 20);
        Rigid[] up = face.pose(0, 20, 0, 200, 320, 240);
        assertThat(screenY(up[0], xyz, FaceLandmarks.NOSE_TIP)).isLessThan(screenY(frontal[0], xyz, FaceLandmarks.NOSE_TIP));
    }

    private static double screenX(Rigid r, float[] xyz, int i) {
        double x = r.x(xyz[3 * i], xyz[3 * i + 1], xyz[3 * i + 2]);
        double z = r.z(xyz[3 * i], xyz[3 * i + 1], xyz[3 * i + 2]);
        return HeadRenderer.FOCAL * x / z + HeadRenderer.CX;
    }

    private static double screenY(Rigid r, float[] xyz, int i) {
        double y = r.y(xyz[3 * i], xyz[3 * i + 1], xyz[3 * i + 2]);
        double z = r.z(xyz[3 * i], xyz[3 * i + 1], xyz[3 * i + 2]);
        return HeadRenderer.FOCAL * y / z + HeadRenderer.CY;
    }
}
