package dev.livecheck.core.vision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The real BlazeFace and Face Mesh models on real, licensed face photos
 * ({@code src/test/resources/faces/}) and on images without a face.
 */
class FaceAnalysisTest {

    private static FaceVisionModels models;
    private static FaceDetector detector;
    private static FaceLandmarker landmarker;
    private static FrameAnalyzer analyzer;

    @BeforeAll
    static void loadModels() {
        models = FaceVisionModels.loadBundled();
        detector = new FaceDetector(models);
        landmarker = new FaceLandmarker(models);
        analyzer = new FrameAnalyzer(models);
    }

    @AfterAll
    static void closeModels() {
        detector.close();
        landmarker.close();
        analyzer.close();
    }

    static List<String> faces() {
        return TestImages.faceNames();
    }

    @ParameterizedTest
    @MethodSource("faces")
    void findsExactlyOneFace(String name) {
        try (Mat image = TestImages.face(name)) {
            List<FaceDetection> found = detector.detect(image);
            assertThat(found).as(name).hasSize(1);
            FaceDetection d = found.get(0);
            assertThat(d.score()).isBetween(0.5f, 1f);
            assertThat(d.x()).isGreaterThanOrEqualTo(-d.width() * 0.1f);
            assertThat(d.y()).isGreaterThanOrEqualTo(-d.height() * 0.1f);
            assertThat(d.x() + d.width()).isLessThanOrEqualTo(image.cols() * 1.05f);
            assertThat(d.y() + d.height()).isLessThanOrEqualTo(image.rows() * 1.05f);
            // the photos were cut so that the face box is roughly 90-300 px wide
            assertThat(d.width()).isBetween(80f, 320f);
            // the person's right eye is on the image's left in an unmirrored photo
            assertThat(d.keypointX(FaceDetection.RIGHT_EYE)).isLessThan(d.keypointX(FaceDetection.LEFT_EYE));

            FrameObservation observation = analyzer.analyze(image, 1234L);
            assertThat(observation.faceCount()).isEqualTo(1);
            assertThat(observation.hasSingleFace()).isTrue();
            assertThat(observation.timestampMillis()).isEqualTo(1234L);
            assertThat(observation.width()).isEqualTo(image.cols());
            assertThat(observation.height()).isEqualTo(image.rows());
        }
    }

    @ParameterizedTest
    @MethodSource("faces")
    void landmarksHaveFaceGeometry(String name) {
        try (Mat image = TestImages.face(name)) {
            FaceDetection d = detector.detect(image).get(0);
            FaceLandmarks lm = landmarker.landmarks(image, d);
            assertThat(lm.xyz()).hasSize(FaceLandmarks.COUNT * 3);
            assertThat(lm.presence()).as("face presence").isGreaterThan(0.9f);

            // The inner face (eyes, nose, mouth) lies inside the detection box ...
            for (int i : new int[] {FaceLandmarks.NOSE_TIP, FaceLandmarks.RIGHT_EYE_OUTER,
                FaceLandmarks.RIGHT_EYE_INNER, FaceLandmarks.LEFT_EYE_INNER, FaceLandmarks.LEFT_EYE_OUTER,
                FaceLandmarks.MOUTH_RIGHT, FaceLandmarks.MOUTH_LEFT}) {
                assertThat(lm.x(i)).as("x of landmark %d", i).isBetween(d.x(), d.x() + d.width());
                assertThat(lm.y(i)).as("y of landmark %d", i).isBetween(d.y(), d.y() + d.height());
            }
            // ... and the whole mesh (forehead, chin, cheek edges) at most a quarter of the box beyond it.
            float[] b = lm.bounds();
            float mx = d.width() * 0.25f;
            float my = d.height() * 0.25f;
            assertThat(b[0]).isGreaterThan(d.x() - mx);
            assertThat(b[1]).isGreaterThan(d.y() - my);
            assertThat(b[2]).isLessThan(d.x() + d.width() + mx);
            assertThat(b[3]).isLessThan(d.y() + d.height() + my);

            // Nose tip between the eyes horizontally; eyes above nose above chin.
            assertThat(lm.x(FaceLandmarks.NOSE_TIP))
                    .isBetween(lm.x(FaceLandmarks.RIGHT_EYE_OUTER), lm.x(FaceLandmarks.LEFT_EYE_OUTER));
            float eyesY = Math.max(lm.y(FaceLandmarks.RIGHT_EYE_OUTER), lm.y(FaceLandmarks.LEFT_EYE_OUTER));
            assertThat(eyesY).isLessThan(lm.y(FaceLandmarks.NOSE_TIP));
            assertThat(lm.y(FaceLandmarks.NOSE_TIP)).isLessThan(lm.y(FaceLandmarks.CHIN));
            assertThat(lm.y(FaceLandmarks.FOREHEAD)).isLessThan(eyesY);

            // The landmarks agree with the detector's own keypoints to within a fraction of the eye distance.
            float eyeDistance = lm.interocular();
            assertThat(eyeDistance).isGreaterThan(d.width() * 0.25f);
            assertThat(lm.faceWidth()).isGreaterThan(eyeDistance);
            float eyeMidX = (d.keypointX(FaceDetection.RIGHT_EYE) + d.keypointX(FaceDetection.LEFT_EYE)) / 2;
            float lmEyeMidX = (lm.x(FaceLandmarks.RIGHT_EYE_OUTER) + lm.x(FaceLandmarks.LEFT_EYE_OUTER)) / 2;
            assertThat(lmEyeMidX).isCloseTo(eyeMidX, within(eyeDistance * 0.35f));
        }
    }

    @ParameterizedTest
    @MethodSource("faces")
    void mirroringFlipsYawAndRoll(String name) {
        try (Mat image = TestImages.face(name); Mat mirror = TestImages.mirrored(image)) {
            HeadPose pose = analyzer.analyze(image, 0).face().pose();
            HeadPose mirrored = analyzer.analyze(mirror, 0).face().pose();
            assertThat(mirrored.yaw()).as("yaw of the mirror of a face with yaw %.1f", pose.yaw())
                    .isCloseTo(-pose.yaw(), within(6.0));
            assertThat(mirrored.roll()).as("roll of the mirror of a face with roll %.1f", pose.roll())
                    .isCloseTo(-pose.roll(), within(6.0));
            assertThat(mirrored.pitch()).isCloseTo(pose.pitch(), within(6.0));
            if (Math.abs(pose.yaw()) > 5) {
                assertThat(Math.signum(mirrored.yaw())).isEqualTo(-Math.signum(pose.yaw()));
            }
        }
    }

    @Test
    void yawFollowsTheDirectionTheNosePoints() {
        int turned = 0;
        for (String name : faces()) {
            try (Mat image = TestImages.face(name)) {
                FaceObservation face = analyzer.analyze(image, 0).face();
                FaceLandmarks lm = face.landmarks();
                double eyeMid = (lm.x(FaceLandmarks.RIGHT_EYE_OUTER) + lm.x(FaceLandmarks.LEFT_EYE_OUTER)) / 2;
                double noseOffset = (lm.x(FaceLandmarks.NOSE_TIP) - eyeMid) / lm.interocular();
                if (Math.abs(face.pose().yaw()) > 8 && Math.abs(noseOffset) > 0.03) {
                    turned++;
                    // yaw > 0 when the nose points toward the image's right edge (HeadPose's contract)
                    assertThat(Math.signum(face.pose().yaw())).as(name).isEqualTo(Math.signum(noseOffset));
                }
            }
        }
        assertThat(turned).as("photos with a clearly turned head").isGreaterThanOrEqualTo(3);
    }

    @Test
    void findsNoFaceInBlankOrNoiseImages() {
        try (Mat grey = TestImages.uniform(640, 480, 128); Mat black = TestImages.uniform(640, 480, 0);
                Mat white = TestImages.uniform(480, 640, 255); Mat noise = TestImages.noise(640, 480, 7)) {
            for (Mat image : List.of(grey, black, white, noise)) {
                assertThat(detector.detect(image)).isEmpty();
                FrameObservation observation = analyzer.analyze(image, 5L);
                assertThat(observation.faceCount()).isZero();
                assertThat(observation.mainFace()).isEmpty();
                assertThat(observation.hasSingleFace()).isFalse();
            }
            assertThat(analyzer.analyze(black, 0).frameBrightness()).isLessThan(1);
            assertThat(analyzer.analyze(white, 0).frameBrightness()).isGreaterThan(254);
        }
    }

    @Test
    void analysesJpegBytesEndToEnd() throws Exception {
        // a photo within the capture protocol's 640x480 (the analyzer decodes with the live limits)
        String name = faces().stream().filter(n -> n.startsWith("vladmandic")).findFirst().orElseThrow();
        byte[] jpeg = TestImages.resource("/faces/" + name);
        FrameObservation fromBytes = analyzer.analyze(jpeg, 9L);
        assertThat(fromBytes.hasSingleFace()).isTrue();
        try (Mat image = TestImages.face(name)) {
            FrameObservation fromMat = analyzer.analyze(image, 9L);
            assertThat(fromBytes.face().pose().yaw()).isCloseTo(fromMat.face().pose().yaw(), within(0.01));
        }
    }

    @ParameterizedTest
    @MethodSource("faces")
    void brightnessCueFallsWhenTheImageIsDarkened(String name) {
        try (Mat image = TestImages.face(name); Mat dark = TestImages.scaled(image, 0.5)) {
            FrameObservation original = analyzer.analyze(image, 0);
            FrameObservation darker = analyzer.analyze(dark, 0);
            assertThat(darker.frameBrightness()).isCloseTo(original.frameBrightness() * 0.5, within(2.0));
            assertThat(darker.hasSingleFace()).as("the face is still found at half brightness").isTrue();
            assertThat(darker.face().brightness()).isLessThan(original.face().brightness() * 0.6);
        }
    }

    @ParameterizedTest
    @MethodSource("faces")
    void sharpnessCueFallsWhenTheImageIsBlurred(String name) {
        try (Mat image = TestImages.face(name); Mat soft = TestImages.blurred(image, 2.5)) {
            FaceObservation original = analyzer.analyze(image, 0).face();
            FaceObservation blurred = analyzer.analyze(soft, 0).face();
            assertThat(blurred).as("the face is still found when blurred").isNotNull();
            assertThat(blurred.sharpness()).isLessThan(original.sharpness() * 0.5);
        }
    }

    @Test
    void appearanceSignatureMatchesTheSameFaceBetterThanAnother() {
        List<String> names = faces();
        try (Mat a = TestImages.face(names.get(0)); Mat b = TestImages.face(names.get(names.size() - 1));
                Mat aAgain = TestImages.decode(TestImages.jpeg(a, 60))) {
            FaceObservation fa = analyzer.analyze(a, 0).face();
            FaceObservation fa2 = analyzer.analyze(aAgain, 0).face();
            FaceObservation fb = analyzer.analyze(b, 0).face();
            double same = FaceObservation.appearanceSimilarity(fa.appearance(), fa2.appearance());
            double other = FaceObservation.appearanceSimilarity(fa.appearance(), fb.appearance());
            assertThat(same).isGreaterThan(0.95);
            assertThat(same).isGreaterThan(other);
        }
    }
}
