package dev.livecheck.core.testkit;

import static dev.livecheck.core.attempt.Challenge.LOOK_DOWN;
import static dev.livecheck.core.attempt.Challenge.LOOK_UP;
import static dev.livecheck.core.attempt.Challenge.MOVE_CLOSER;
import static dev.livecheck.core.attempt.Challenge.TURN_LEFT;
import static dev.livecheck.core.attempt.Challenge.TURN_RIGHT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.livecheck.core.attempt.Challenge;
import dev.livecheck.core.recording.RecordedFrame;
import dev.livecheck.core.testkit.MotionScript.Phase;
import dev.livecheck.core.testkit.MotionScript.Segment;
import dev.livecheck.core.vision.FaceVisionModels;
import dev.livecheck.core.vision.FrameAnalyzer;
import dev.livecheck.core.vision.FrameObservation;
import dev.livecheck.core.vision.FrameRejectedException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What the engine's own vision sees in rendered recordings. */
class SyntheticCameraTest {

    private static final SyntheticCamera.Options TEST_RATE = new SyntheticCamera.Options(12, true);
    private static FrameAnalyzer analyzer;

    @BeforeAll
    static void setUp() {
        analyzer = new FrameAnalyzer(FaceVisionModels.loadBundled());
    }

    @AfterAll
    static void tearDown() {
        analyzer.close();
    }

    private static List<FrameObservation> observe(SyntheticRecording r, Predicate<RecordedFrame> which) {
        List<FrameObservation> result = new ArrayList<>();
        for (RecordedFrame f : r.recording().frames()) {
            if (which.test(f)) {
                try {
                    result.add(analyzer.analyze(f.jpeg(), f.t()));
                } catch (FrameRejectedException e) {
                    throw new AssertionError("rendered frame rejected: " + e.getMessage(), e);
                }
            }
        }
        return result;
    }

    private static Predicate<RecordedFrame> during(SyntheticRecording r, Phase phase, Challenge challenge) {
        return f -> {
            Segment s = r.script().segmentAt(f.t());
            return s.phase() == phase && s.challenge() == challenge;
        };
    }

    private static double median(List<FrameObservation> obs, ToDoubleFunction<FrameObservation> value) {
        double[] v = obs.stream().filter(FrameObservation::hasSingleFace).mapToDouble(value).sorted().toArray();
        assertThat(v).as("frames with a single face").isNotEmpty();
        return v[v.length / 2];
    }

    private static double share(List<FrameObservation> obs, Predicate<FrameObservation> p) {
        return obs.stream().filter(p).count() / (double) obs.size();
    }

    @Test
    void bonaFideTurnsShowOneFaceWithTheRightYaw() {
        SyntheticRecording r = SyntheticCamera.render(Species.BONA_FIDE, List.of(TURN_LEFT, TURN_RIGHT), 11, TEST_RATE);
        assertThat(r.performed()).containsExactly(TURN_LEFT, TURN_RIGHT);
        List<FrameObservation> all = observe(r, f -> true);
        assertThat(share(all, FrameObservation::hasSingleFace)).isGreaterThanOrEqualTo(0.95);
        assertThat(median(observe(r, during(r, Phase.HOLD, TURN_LEFT)), o -> o.face().pose().yaw())).isGreaterThan(15);
        assertThat(median(observe(r, during(r, Phase.HOLD, TURN_RIGHT)), o -> o.face().pose().yaw())).isLessThan(-15);
    }

    @Test
    void lookUpAndDownMoveThePitchTheRightWay() {
        SyntheticRecording r = SyntheticCamera.render(Species.BONA_FIDE, List.of(LOOK_UP, LOOK_DOWN), 12, TEST_RATE);
        double frontal = median(observe(r, during(r, Phase.FRONTAL, null)), o -> o.face().pose().pitch());
        double up = median(observe(r, during(r, Phase.HOLD, LOOK_UP)), o -> o.face().pose().pitch());
        double down = median(observe(r, during(r, Phase.HOLD, LOOK_DOWN)), o -> o.face().pose().pitch());
        assertThat(up).isGreaterThan(frontal + 8);
        assertThat(down).isLessThan(frontal - 8);
    }

    @Test
    void moveCloserGrowsTheFaceByAtLeastAThird() {
        SyntheticRecording r = SyntheticCamera.render(Species.BONA_FIDE, List.of(MOVE_CLOSER, TURN_LEFT), 13, TEST_RATE);
        double frontal = median(observe(r, during(r, Phase.FRONTAL, null)), o -> o.face().landmarks().faceWidth());
        double closer = median(observe(r, during(r, Phase.HOLD, MOVE_CLOSER)), o -> o.face().landmarks().faceWidth());
        assertThat(closer / frontal).isGreaterThanOrEqualTo(1.3);
    }

    @Test
    void twoFacesShowsTwoFacesInMostFrames() {
        SyntheticRecording r = SyntheticCamera.render(Species.TWO_FACES, List.of(TURN_LEFT, LOOK_UP), 14, TEST_RATE);
        List<FrameObservation> obs = observe(r, f -> true);
        assertThat(share(obs, o -> o.faceCount() == 2)).isGreaterThanOrEqualTo(0.8);
        assertThat(r.faces()).contains("+");
    }

    @Test
    void noFaceShowsNoFace() {
        for (long seed = 20; seed < 23; seed++) {
            SyntheticRecording r = SyntheticCamera.render(Species.NO_FACE, List.of(TURN_RIGHT, LOOK_DOWN), seed,
                    new SyntheticCamera.Options(6, true));
            assertThat(observe(r, f -> true)).allSatisfy(o -> assertThat(o.faceCount()).isZero());
            assertThat(r.performed()).isEmpty();
        }
    }

    @Test
    void printsAndScreensShowOneFace() {
        for (Species s : List.of(Species.PRINT_STATIC, Species.PRINT_MOVED, Species.SCREEN_REPLAY)) {
            SyntheticRecording r = SyntheticCamera.render(s, List.of(TURN_LEFT, MOVE_CLOSER), 15,
                    new SyntheticCamera.Options(6, true));
            // an attack is only worth testing if the face is visible; strong moiré may hide it in a few frames
            assertThat(share(observe(r, f -> true), FrameObservation::hasSingleFace)).as(s.name())
                    .isGreaterThanOrEqualTo(s == Species.SCREEN_REPLAY ? 0.6 : 0.9);
        }
    }

    @Test
    void attacksCarryTheirGroundTruth() {
        List<Challenge> listed = List.of(TURN_LEFT, LOOK_UP, TURN_RIGHT);
        SyntheticRecording mismatched = SyntheticCamera.render(Species.REPLAY_MISMATCHED, listed, 3, TEST_RATE);
        assertThat(mismatched.recording().challenges()).isEqualTo(listed);
        assertThat(mismatched.performed().get(0)).isNotEqualTo(TURN_LEFT);
        assertThat(mismatched.script().performed()).isEqualTo(mismatched.performed());

        SyntheticRecording splice = SyntheticCamera.render(Species.SPLICE, listed, 4, new SyntheticCamera.Options(5, true));
        String[] faces = splice.faces().split(">");
        assertThat(faces).hasSize(2);
        assertThat(faces[0]).isNotEqualTo(faces[1]);
        assertThat(splice.performed()).isEqualTo(listed);

        SyntheticRecording still = SyntheticCamera.render(Species.PRINT_STATIC, listed, 5, new SyntheticCamera.Options(5, true));
        assertThat(still.performed()).isEmpty();
        SyntheticRecording moved = SyntheticCamera.render(Species.PRINT_MOVED, listed, 5, new SyntheticCamera.Options(5, true));
        assertThat(moved.performed()).isEqualTo(listed);
    }

    @Test
    void frameTimesFollowTheSpec() {
        SyntheticRecording r = SyntheticCamera.render(Species.BONA_FIDE, List.of(LOOK_DOWN, TURN_LEFT, LOOK_UP), 6);
        List<RecordedFrame> frames = r.recording().frames();
        assertThat(frames.get(0).t()).isZero();
        for (int i = 1; i < frames.size(); i++) {
            assertThat(frames.get(i).t()).isGreaterThanOrEqualTo(frames.get(i - 1).t());
        }
        assertThat(r.fps()).isBetween(10.0, 30.0);
        double seconds = frames.get(frames.size() - 1).t() / 1000.0;
        assertThat(frames.size() / seconds).isBetween(r.fps() * 0.75, r.fps() * 1.25);
        // 0.8-1.2 s frontal, then 1.2-2.7 s per challenge, then 0.5-1 s frontal
        assertThat(seconds).isBetween(0.8 + 3 * 1.2 + 0.5 - 0.1, 1.2 + 3 * 2.7 + 1.0);
        assertThat(frames).allSatisfy(f -> assertThat(f.jpeg().length).isLessThan(262_144));
    }

    @Test
    void theSameSeedGivesTheSameBytes() {
        List<Challenge> listed = List.of(TURN_RIGHT, MOVE_CLOSER);
        SyntheticCamera.Options rate = new SyntheticCamera.Options(8, true);
        SyntheticRecording a = SyntheticCamera.render(Species.PRINT_MOVED, listed, 99, rate);
        SyntheticRecording b = SyntheticCamera.render(Species.PRINT_MOVED, listed, 99, rate);
        SyntheticRecording c = SyntheticCamera.render(Species.PRINT_MOVED, listed, 100, rate);
        assertThat(a.recording().frames()).hasSameSizeAs(b.recording().frames());
        for (int i = 0; i < a.recording().frames().size(); i++) {
            RecordedFrame fa = a.recording().frames().get(i);
            RecordedFrame fb = b.recording().frames().get(i);
            assertThat(fa.t()).isEqualTo(fb.t());
            assertThat(Arrays.equals(fa.jpeg(), fb.jpeg())).as("frame %d", i).isTrue();
        }
        assertThat(Arrays.equals(a.recording().frames().get(0).jpeg(), c.recording().frames().get(0).jpeg())).isFalse();
    }

    @Test
    void aLeadInDelaysTheSamePerformanceWithoutChangingIt() {
        List<Challenge> listed = List.of(TURN_LEFT, LOOK_UP);
        SyntheticRecording usual = SyntheticCamera.render(Species.BONA_FIDE, listed, 8, new SyntheticCamera.Options(5, false));
        SyntheticRecording delayed = SyntheticCamera.render(Species.BONA_FIDE, listed, 8,
                new SyntheticCamera.Options(5, false, 3500));

        List<Segment> a = usual.script().segments();
        List<Segment> b = delayed.script().segments();
        assertThat(b.get(0).end()).isEqualTo(3500);
        assertThat(b).hasSameSizeAs(a);
        long shift = b.get(1).start() - a.get(1).start();
        for (int i = 1; i < a.size(); i++) {
            assertThat(b.get(i).start() - a.get(i).start()).isEqualTo(shift);
            assertThat(b.get(i).to()).isEqualTo(a.get(i).to());
        }
        assertThat(delayed.faces()).isEqualTo(usual.faces());
    }
}
