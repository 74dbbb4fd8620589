package dev.livecheck.core.engine;

import static dev.livecheck.core.attempt.Challenge.LOOK_DOWN;
import static dev.livecheck.core.attempt.Challenge.TURN_RIGHT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.livecheck.core.attempt.AttemptEvent;
import dev.livecheck.core.attempt.Challenge;
import dev.livecheck.core.attempt.ChallengePlanner;
import dev.livecheck.core.checks.ContinuityCheck;
import dev.livecheck.core.recording.RecordedFrame;
import dev.livecheck.core.recording.Recording;
import dev.livecheck.core.report.AttemptImage;
import dev.livecheck.core.report.LivenessReport;
import dev.livecheck.core.report.Recommendation;
import dev.livecheck.core.testkit.MotionScript;
import dev.livecheck.core.testkit.Species;
import dev.livecheck.core.testkit.SyntheticCamera;
import dev.livecheck.core.testkit.SyntheticRecording;
import dev.livecheck.core.vision.FrameDecoder;
import dev.livecheck.core.vision.FrameRejectedException;
import dev.livecheck.core.vision.InspectedFrame;
import dev.livecheck.core.vision.FrameRejectedException.Reason;
import java.util.ArrayList;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The engine's two entry points, live and offline, on rendered camera frames. */
class LivenessEngineTest {

    private static final List<Challenge> ASKED = List.of(TURN_RIGHT, LOOK_DOWN);
    private static LivenessEngine engine;
    private static Recording bonaFide;

    @BeforeAll
    static void start() {
        // a scripted planner asks at once, at the pace the pre-rendered recordings answer
        engine = LivenessEngine.withBundledModels(new ChallengePlanner(new SplittableRandom(31)),
                Runtime.getRuntime().availableProcessors());
        bonaFide = SyntheticCamera.render(Species.BONA_FIDE, ASKED, 31).recording();
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    @Test
    void aLiveStreamIsGuidedThroughTheChallengesAndApproved() throws Exception {
        List<AttemptEvent> events = new ArrayList<>();
        LivenessReport report = stream(engine.startAttempt(ASKED), bonaFide, events);
        assertThat(events).filteredOn(AttemptEvent.ChallengeIssued.class::isInstance)
                .extracting(e -> ((AttemptEvent.ChallengeIssued) e).action()).containsExactlyElementsOf(ASKED);
        assertThat(report).isNotNull();
        assertThat(report.recommendation()).isEqualTo(Recommendation.APPROVE);
        assertThat(report.images()).extracting(AttemptImage::role).containsExactly(
                AttemptImage.Role.FRONTAL_START, AttemptImage.Role.CHALLENGE, AttemptImage.Role.FRONTAL_END);
        assertThat(report.decisionMillis()).isLessThan(1000);
        // the decision embedded the reference, each challenge's peak and the end frame
        assertThat(report.subCheck("continuity").orElseThrow().details()).containsKeys("identity_distance_challenge_1",
                "identity_distance_challenge_2", "identity_distance_end", "max_identity_distance");
    }

    @Test
    void theSameRecordingStreamedToAnEngineThatPausesBeforeItsChallengesIsNeverAskedInTime() throws Exception {
        // production's planner: a pause of frontal face before the first challenge (ChallengePlanner.FIRST_PAUSE_*),
        // longer than the recording's person stays frontal: it turns before
        try (LivenessEngine pausing = LivenessEngine.withBundledModels(new ChallengePlanner(), 1)) {
            List<AttemptEvent> events = new ArrayList<>();
            LivenessReport report = stream(pausing.startAttempt(ASKED), bonaFide, events);
            assertThat(events).noneMatch(AttemptEvent.ChallengePassed.class::isInstance);
            assertThat(report.recommendation()).isNotEqualTo(Recommendation.APPROVE);
        }
    }

    @Test
    void aRecordingHeldOnItsFirstImageUntilAskedIsNeverAsked() throws Exception {
        // the replayer's patience: it repeats its first image until the first challenge is asked, then plays the
        // recording from its start, so each action comes about a second after it is asked, and cancels otherwise
        try (LivenessEngine pausing = LivenessEngine.withBundledModels(new ChallengePlanner(), 1)) {
            LiveAttempt attempt = pausing.startAttempt(ASKED);
            List<AttemptEvent> events = new ArrayList<>();
            byte[] first = bonaFide.frames().get(0).jpeg();
            long t = 0;
            for (; t < 8_000 && events.stream().noneMatch(AttemptEvent.ChallengeIssued.class::isInstance); t += 66) {
                LiveAttempt.Update update = attempt.onFrame(live(first), t);
                events.addAll(update.events());
            }
            assertThat(events).as("a repeated image is no live frame: nothing is asked of it")
                    .noneMatch(AttemptEvent.ChallengeIssued.class::isInstance);
            LivenessReport report = attempt.onTick(t + 60_000).report();
            assertThat(report.recommendation()).isEqualTo(Recommendation.NOT_AVAILABLE);
            assertThat((int) report.subCheck("quality").orElseThrow().details().get("repeated_frames"))
                    .isEqualTo((int) (t / 66) - 1);
        }
    }

    @Test
    void aRendererWithoutNoiseWritesEachStillPoseAsOneRepeatedImageAndIsStillApproved() throws Exception {
        // a generator that draws a still pose without sensor noise or sway repeats its bytes, the way a held image
        // does: offline the repeats are skipped as live, and the frames that move still lock and answer (at 11.8 and
        // at 29.1 fps, the ends of the recording format's range this kit draws)
        for (int seed : new int[] {5, 10}) {
            SyntheticRecording recorded = SyntheticCamera.render(Species.BONA_FIDE, ASKED, seed);
            LivenessReport report = engine.evaluate(new Recording("still-poses", ASKED, stillPoses(recorded)));
            assertThat(report.recommendation()).as(report.toString()).isEqualTo(Recommendation.APPROVE);
            assertThat((int) report.subCheck("quality").orElseThrow().details().get("repeated_frames"))
                    .as("a third of the frames or more repeat the one before")
                    .isGreaterThan(recorded.recording().frames().size() / 3);
        }
    }

    /** The recording a renderer without sensor noise or sway would write: each still pose as one repeated image. */
    private static List<RecordedFrame> stillPoses(SyntheticRecording rendered) {
        Set<MotionScript.Phase> still = EnumSet.of(MotionScript.Phase.FRONTAL, MotionScript.Phase.HOLD,
                MotionScript.Phase.REST, MotionScript.Phase.END);
        List<RecordedFrame> frames = new ArrayList<>();
        byte[] held = null;
        MotionScript.Segment heldIn = null;
        for (RecordedFrame f : rendered.recording().frames()) {
            MotionScript.Segment segment = rendered.script().segmentAt(f.t());
            if (!still.contains(segment.phase())) {
                held = null;
            } else if (held == null || !segment.equals(heldIn)) {
                held = f.jpeg();
                heldIn = segment;
            }
            frames.add(held == null ? f : new RecordedFrame(f.file(), f.t(), held));
        }
        return frames;
    }

    @Test
    void aCameraSlowerThanThePageGrabsItsImagesTwiceAndIsApproved() throws Exception {
        // a browser that grabs 20 images a second from a camera that delivers 10 sends each image twice
        LiveAttempt attempt = engine.startAttempt(ASKED);
        LivenessReport report = null;
        for (RecordedFrame frame : bonaFide.frames()) {
            for (long again : new long[] {0, 20}) {
                LiveAttempt.Update update = attempt.onFrame(live(frame.jpeg()), frame.t() + again);
                report = update.decided() ? update.report() : null;
            }
            if (report != null) {
                break;
            }
        }
        assertThat(report).isNotNull();
        assertThat(report.recommendation()).isEqualTo(Recommendation.APPROVE);
        assertThat((int) report.subCheck("quality").orElseThrow().details().get("repeated_frames")).isPositive();
    }

    @Test
    void aSpliceIsAnIdentityChangeByTheFaceEmbeddingAloneOfferedBothWays() throws Exception {
        Recording splice = SyntheticCamera.render(Species.SPLICE, ASKED, 31).recording();
        LivenessReport offline = engine.evaluate(splice);
        assertThat(offline.recommendation()).isEqualTo(Recommendation.REJECT);
        var details = offline.subCheck("continuity").orElseThrow().details();
        assertThat((double) details.get("identity_distance_end")).as("end frame vs reference")
                .isGreaterThan(ContinuityCheck.MAX_FRONTAL_DISTANCE);

        LivenessReport streamed = stream(engine.startAttempt(ASKED), splice, new ArrayList<>());
        assertThat(streamed.subCheck("continuity").orElseThrow().details().get("identity_distance_end"))
                .isEqualTo(details.get("identity_distance_end"));
    }

    @Test
    void badFramesAreRefusedWithAReasonOnInspectionAndTheAttemptGoesOn() throws Exception {
        LiveAttempt attempt = engine.startAttempt(ASKED);
        byte[] good = bonaFide.frames().get(0).jpeg();
        assertThatThrownBy(() -> live("not a jpeg".getBytes()))
                .isInstanceOfSatisfying(FrameRejectedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_JPEG));
        assertThatThrownBy(() -> live(Arrays.copyOf(good, good.length / 2)))
                .isInstanceOfSatisfying(FrameRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.FRAME_TRUNCATED));
        assertThatThrownBy(() -> live(new byte[300_000]))
                .isInstanceOfSatisfying(FrameRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.FRAME_TOO_LARGE));
        LiveAttempt.Update update = attempt.onFrame(live(good), 30);
        assertThat(update.decided()).isFalse();
        assertThat(attempt.isDecided()).isFalse();
    }

    @Test
    void aFrameInspectedUnderTheRecordingLimitsIsNotALiveFrame() throws Exception {
        LiveAttempt attempt = engine.startAttempt(ASKED);
        byte[] large;
        try (Mat grey = new Mat(720, 1280, opencv_core.CV_8UC3, new Scalar(128, 128, 128, 0));
                BytePointer out = new BytePointer()) {
            opencv_imgcodecs.imencode(".jpg", grey, out);
            large = new byte[(int) out.limit()];
            out.get(large);
        }
        InspectedFrame frame = FrameDecoder.inspectFrame(large, FrameDecoder.Limits.RECORDING);
        assertThatThrownBy(() -> attempt.onFrame(frame, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * Streams the recording's frames to the live attempt at their own times, collecting its events, until it decides;
     * if the frames run out first, the clock decides, as a socket's ticks do.
     */
    private static LivenessReport stream(LiveAttempt attempt, Recording recording, List<AttemptEvent> events)
            throws Exception {
        for (RecordedFrame frame : recording.frames()) {
            LiveAttempt.Update update = attempt.onFrame(live(frame.jpeg()), frame.t());
            events.addAll(update.events());
            if (update.decided()) {
                return update.report();
            }
        }
        return attempt.onTick(recording.frames().get(recording.frames().size() - 1).t() + 60_000).report();
    }

    /** A socket inspects each frame once, under the capture protocol's limits. */
    private static InspectedFrame live(byte[] jpeg) throws FrameRejectedException {
        return FrameDecoder.inspectFrame(jpeg, FrameDecoder.Limits.LIVE);
    }

    @Test
    void aStreamThatStopsIsDecidedByTheClock() throws Exception {
        LiveAttempt attempt = engine.startAttempt(ASKED);
        for (RecordedFrame frame : bonaFide.frames().subList(0, 20)) {
            attempt.onFrame(live(frame.jpeg()), frame.t());
        }
        LiveAttempt.Update update = attempt.onTick(60_000);
        assertThat(update.decided()).isTrue();
        assertThat(update.report().recommendation()).isNotEqualTo(Recommendation.APPROVE);
    }

    @Test
    void evaluatingARecordingGivesTheSameVerdictAsStreamingIt() throws Exception {
        LivenessReport offline = engine.evaluate(bonaFide);
        assertThat(offline.recommendation()).isEqualTo(Recommendation.APPROVE);
        assertThat(offline.challenges()).isEqualTo(ASKED);

        Recording wrongOrder = new Recording("mismatched", List.of(LOOK_DOWN, TURN_RIGHT), bonaFide.frames());
        assertThat(engine.evaluate(wrongOrder).recommendation()).isEqualTo(Recommendation.REJECT);
    }

    @Test
    void aRecordingWithoutFramesIsNotAvailable() throws Exception {
        LivenessReport report = engine.evaluate(new Recording("empty", ASKED, List.of()));
        assertThat(report.recommendation()).isEqualTo(Recommendation.NOT_AVAILABLE);
    }
}
