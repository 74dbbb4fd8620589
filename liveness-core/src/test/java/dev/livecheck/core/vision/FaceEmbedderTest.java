package dev.livecheck.core.vision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

import dev.livecheck.core.testkit.FaceLibrary;
import dev.livecheck.core.testkit.FaceModel3D;
import dev.livecheck.core.testkit.HeadRenderer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The face-recognition embedding on the test kit's real face photos: a face
 * re-rendered turned and nodded stays closer to its own photo than any other
 * person's photo does; bad input gives null, never a crash.
 */
class FaceEmbedderTest {

    private static FrameAnalyzer analyzer;
    private static FaceEmbedder embedder;

    @BeforeAll
    static void load() {
        analyzer = new FrameAnalyzer(FaceVisionModels.loadBundled());
        embedder = new FaceEmbedder(FaceVisionModels.loadBundled());
    }

    @AfterAll
    static void close() {
        analyzer.close();
        embedder.close();
    }

    @Test
    void aFaceTurnedAndNoddedStaysCloserToItselfThanToAnyOtherPerson() {
        List<FaceModel3D> faces = FaceLibrary.shared().faces();
        List<float[]> photos = new ArrayList<>();
        for (FaceModel3D face : faces) {
            photos.add(embed(face.photo()));
        }
        for (int i = 0; i < faces.size(); i++) {
            FaceModel3D face = faces.get(i);
            for (double[] pose : new double[][] {{0, 0}, {20, 0}, {-20, 0}, {0, 12}}) {
                float[] rendered = embed(render(face, pose[0], pose[1]));
                double own = FaceEmbedder.distance(photos.get(i), rendered);
                for (int j = 0; j < faces.size(); j++) {
                    if (j != i) {
                        assertThat(own).as("%s at yaw %.0f pitch %.0f: own photo vs %s's", face.name(), pose[0],
                                pose[1], faces.get(j).name())
                                .isLessThan(FaceEmbedder.distance(photos.get(j), rendered));
                    }
                }
            }
        }
    }

    @Test
    void twoPeopleFromOnePhotographAreFartherApartThanOneFaceFrontalAndTurned() {
        // crops of one photograph: same light, camera and photographer, the hardest pair for appearance cues
        FaceModel3D a = face("vladmandic-sample3-a.jpg");
        FaceModel3D b = face("vladmandic-sample3-b.jpg");
        float[] aFrontal = embed(render(a, 0, 0));
        double sameTurned = FaceEmbedder.distance(aFrontal, embed(render(a, 22, 0)));
        double other = FaceEmbedder.distance(aFrontal, embed(render(b, 0, 0)));
        assertThat(sameTurned).isLessThan(other);
    }

    @Test
    void embeddingsAreUnitVectorsAndTheDistanceIsCosine() {
        float[] v = embed(faces().get(0).photo());
        assertThat(v).hasSize(FaceEmbedder.DIMENSIONS);
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        assertThat(norm).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
        assertThat(FaceEmbedder.distance(v, v)).isCloseTo(0.0, org.assertj.core.data.Offset.offset(1e-5));
        float[] opposite = v.clone();
        for (int i = 0; i < opposite.length; i++) {
            opposite[i] = -opposite[i];
        }
        assertThat(FaceEmbedder.distance(v, opposite)).isCloseTo(2.0, org.assertj.core.data.Offset.offset(1e-4));
        assertThatThrownBy(() -> FaceEmbedder.distance(v, new float[3])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theAlignmentPutsTheFivePointsOnTheArcFaceTemplate() {
        FaceLandmarks l = landmarks(faces().get(0).photo());
        double[] m = FaceEmbedder.alignment(l);
        assertThat(m).isNotNull();
        for (int k = 0; k < 2; k++) { // the eyes: where the template and Face Mesh agree best
            double x = 0;
            double y = 0;
            for (int index : FaceEmbedder.FIVE_POINTS[k]) {
                x += l.x(index) / FaceEmbedder.FIVE_POINTS[k].length;
                y += l.y(index) / FaceEmbedder.FIVE_POINTS[k].length;
            }
            assertThat(m[0] * x + m[1] * y + m[2]).isCloseTo(FaceEmbedder.TEMPLATE[k][0],
                    org.assertj.core.data.Offset.offset(4.0));
            assertThat(m[3] * x + m[4] * y + m[5]).isCloseTo(FaceEmbedder.TEMPLATE[k][1],
                    org.assertj.core.data.Offset.offset(4.0));
        }
    }

    @Test
    void badInputGivesNoEmbeddingInsteadOfACrash() {
        FaceLandmarks good = landmarks(faces().get(0).photo());
        assertThat(embedder.embed(new Mat(), good)).as("empty image").isNull();
        assertThat(embedder.embed(null, good)).as("no image").isNull();
        try (Mat grey = new Mat(480, 640, CV_8UC3, new Scalar(90, 90, 90, 0))) {
            assertThat(embedder.embed(grey, null)).as("no landmarks").isNull();
            float[] collapsed = new float[FaceLandmarks.COUNT * 3];
            Arrays.fill(collapsed, 100f);
            assertThat(embedder.embed(grey, new FaceLandmarks(collapsed, 1f))).as("all points in one place").isNull();
            float[] nan = new float[FaceLandmarks.COUNT * 3];
            Arrays.fill(nan, Float.NaN);
            assertThat(embedder.embed(grey, new FaceLandmarks(nan, 1f))).as("NaN landmarks").isNull();
            // a face entirely outside the image still warps (to black) and gives some vector, not an exception
            float[] outside = good.xyz().clone();
            for (int i = 0; i < FaceLandmarks.COUNT; i++) {
                outside[3 * i] += 5000;
            }
            float[] v = embedder.embed(grey, new FaceLandmarks(outside, 1f));
            assertThat(v == null || v.length == FaceEmbedder.DIMENSIONS).isTrue();
        }
        assertThat(analyzer.embedFace(new byte[] {1, 2, 3}, good)).as("undecodable JPEG").isNull();
    }

    @Test
    void analyzersOnSeveralThreadsEachWithTheirOwnNetworkAgreeWithOneThread() throws Exception {
        Mat photo = faces().get(1).photo();
        FaceLandmarks l = landmarks(photo);
        float[] expected = embedder.embed(photo, l);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<List<float[]>>> results = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                results.add(pool.submit(() -> {
                    List<float[]> out = new ArrayList<>();
                    try (FaceEmbedder own = new FaceEmbedder(FaceVisionModels.loadBundled())) {
                        for (int i = 0; i < 10; i++) {
                            out.add(own.embed(photo, l));
                        }
                    }
                    return out;
                }));
            }
            for (Future<List<float[]>> r : results) {
                for (float[] v : r.get()) {
                    assertThat(FaceEmbedder.distance(expected, v)).isLessThan(1e-5);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<FaceModel3D> faces() {
        return FaceLibrary.shared().faces();
    }

    private static FaceModel3D face(String name) {
        return faces().stream().filter(f -> f.name().equals(name) || (f.name() + ".jpg").equals(name)
                || name.startsWith(f.name())).findFirst().orElseThrow(() -> new AssertionError("no face " + name));
    }

    private static Mat render(FaceModel3D face, double yaw, double pitch) {
        byte[] canvas = new byte[HeadRenderer.WIDTH * HeadRenderer.HEIGHT * 3];
        Arrays.fill(canvas, (byte) 110);
        try (HeadRenderer renderer = new HeadRenderer()) {
            renderer.draw(canvas, face.mesh(), face.pose(yaw, pitch, 0, 200, 320, 240), HeadRenderer.Shading.NEUTRAL);
        }
        Mat bgr = new Mat(HeadRenderer.HEIGHT, HeadRenderer.WIDTH, CV_8UC3);
        bgr.data().put(canvas);
        return bgr;
    }

    private static FaceLandmarks landmarks(Mat bgr) {
        FaceObservation face = analyzer.observeLargestFace(bgr);
        assertThat(face).as("a face is found").isNotNull();
        return face.landmarks();
    }

    private static float[] embed(Mat bgr) {
        float[] v = embedder.embed(bgr, landmarks(bgr));
        assertThat(v).isNotNull();
        return v;
    }
}
