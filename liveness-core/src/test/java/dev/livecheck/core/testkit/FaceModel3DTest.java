package dev.livecheck.core.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livecheck.core.vision.FaceLandmarks;
import dev.livecheck.core.vision.FaceVisionModels;
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

    /**
     * A face is never see-through. Before the head matte took in the whole face mesh, the photo turned 30 degrees
     * (vladmandic-sample4-d) had 33 of its 898 face triangles textured from transparent texels (sample6-i 39,
     * sample5-e 5, sample3-b 3): the rendered cheek showed the room behind the head.
     */
    @Test
    void everyTriangleOfTheFaceMeshIsOpaque() {
        int faceTriangles = FaceVisionModels.loadBundled().canonicalMesh().triangles().length / 3;
        for (FaceModel3D face : FaceLibrary.shared().faces()) {
            Mesh mesh = face.mesh();
            float[] uv = mesh.uv();
            int[] t = mesh.triangles();
            int textureWidth = mesh.texture().cols();
            int seeThrough = 0;
            for (int i = 0; i < faceTriangles; i++) {
                double u = 0;
                double v = 0;
                for (int k = 0; k < 3; k++) {
                    u += uv[2 * t[3 * i + k]] / 3;
                    v += uv[2 * t[3 * i + k] + 1] / 3;
                }
                if ((mesh.alpha()[(int) v * textureWidth + (int) u] & 0xff) < 128) {
                    seeThrough++;
                }
            }
            assertThat(seeThrough).as(face.name() + ": face triangles textured from transparent texels").isZero();
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
