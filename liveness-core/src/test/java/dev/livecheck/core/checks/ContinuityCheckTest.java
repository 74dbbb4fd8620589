package dev.livecheck.core.checks;

import static dev.livecheck.core.attempt.Challenge.LOOK_UP;
import static dev.livecheck.core.attempt.Challenge.TURN_LEFT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.livecheck.core.attempt.AttemptEvidence;
import dev.livecheck.core.attempt.IdentityFrame;
import dev.livecheck.core.attempt.ScriptedAttempt;
import dev.livecheck.core.fixtures.SyntheticFaces;
import dev.livecheck.core.fixtures.SyntheticFaces.Pose;
import dev.livecheck.core.report.CheckOutcome;
import dev.livecheck.core.report.SubCheck;
import dev.livecheck.core.vision.FaceEmbedder;
import dev.livecheck.core.vision.FaceObservation;
import dev.livecheck.core.vision.FrameObservation;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class ContinuityCheckTest {

    private final SyntheticFaces faces = new SyntheticFaces();
    private final ContinuityCheck check = new ContinuityCheck();

    @Test
    void theSameFaceThroughoutPasses() {
        var asked = List.of(TURN_LEFT, LOOK_UP);
        SubCheck result = check.evaluate(new ScriptedAttempt(faces, asked).perform(asked, false).evidence());

        assertThat(result.outcome()).isEqualTo(CheckOutcome.PASS);
        assertThat((int) result.details().get("frames_compared")).isPositive();
    }

    @Test
    void anotherFaceAfterTheFirstChallengeIsAnIdentityChange() {
        AttemptEvidence evidence = new ScriptedAttempt(faces, List.of(TURN_LEFT, LOOK_UP))
                .hold(1000).moveTo(Pose.frontal().yaw(30), 500).hold(500).moveTo(Pose.frontal(), 400)
                .identity(2).hold(1500).evidence();

        SubCheck result = check.evaluate(evidence);

        assertThat(result.outcome()).isEqualTo(CheckOutcome.FAIL);
        assertThat(result.reason()).isEqualTo("IDENTITY_CHANGE");
    }

    @Test
    void consecutiveFramesAreComparedForACutAtTenFramesASecondButNotAtTheSixFpsFloor() {
        AttemptEvidence fast = swapWhileStill(ScriptedAttempt.FRAME_MS);
        AttemptEvidence floor = swapWhileStill(167);

        assertThat((double) check.evaluate(fast).details().get("min_consecutive_similarity"))
                .isLessThan(ContinuityCheck.MIN_CONSECUTIVE_SIMILARITY);
        // at 6 fps one person changes too much between frames for this comparison; the reference comparisons
        // (rate-independent) still see the other face
        SubCheck atFloor = check.evaluate(floor);
        assertThat((double) atFloor.details().get("min_consecutive_similarity")).isEqualTo(1.0);
        assertThat(atFloor.reason()).isEqualTo("IDENTITY_CHANGE");
    }

    @Test
    void theFaceColourIsComparedBetweenFramesOnlyWhileItFacesTheCamera() {
        var asked = List.of(TURN_LEFT, LOOK_UP);
        AttemptEvidence performed = new ScriptedAttempt(faces, asked).perform(asked, false).evidence();
        // at a strong turn the inner face's mean colour moves with the landmark fit (the far cheek hides)
        AttemptEvidence turnedShift = recoloured(performed,
                f -> Math.abs(f.face().pose().yaw()) > 25);
        AttemptEvidence frontalShift = recoloured(performed, f -> f.timestampMillis() > 600);

        SubCheck turned = check.evaluate(turnedShift);
        assertThat(turned.outcome()).isEqualTo(CheckOutcome.PASS);
        assertThat((double) turned.details().get("max_chroma_jump")).isLessThan(1);
        assertThat((double) check.evaluate(frontalShift).details().get("max_chroma_jump"))
                .isGreaterThan(ContinuityCheck.MAX_CHROMA_JUMP);
    }

    /** The evidence with the face's mean (a*, b*) moved by 10 on the frames {@code shifted} picks. */
    private static AttemptEvidence recoloured(AttemptEvidence evidence, Predicate<FrameObservation> shifted) {
        List<FrameObservation> frames = new ArrayList<>();
        for (FrameObservation f : evidence.observations()) {
            if (f.hasSingleFace() && shifted.test(f)) {
                FaceObservation face = f.face();
                double[] chroma = {face.chroma()[0] + 10, face.chroma()[1]};
                frames.add(new FrameObservation(f.timestampMillis(), f.width(), f.height(), f.faceCount(),
                        f.frameBrightness(), new FaceObservation(face.detection(), face.landmarks(), face.pose(),
                                face.brightness(), face.sharpness(), face.appearance(), face.textureHistogram(),
                                chroma, face.texture()), f.screen()));
            } else {
                frames.add(f);
            }
        }
        return new AttemptEvidence(evidence.ending(), evidence.challenges(), frames, evidence.rejectedFrames(),
                evidence.repeatedFrames(), evidence.baseline(), evidence.lockIndices(), evidence.traces(),
                evidence.endIndex(), evidence.images(), evidence.identityFrames());
    }

    private AttemptEvidence swapWhileStill(long frameMillis) {
        return new ScriptedAttempt(faces, List.of(TURN_LEFT, LOOK_UP)).framesEvery(frameMillis)
                .hold(1500).identity(2).hold(1500).evidence();
    }

    @Test
    void aLongGapBetweenFramesFails() {
        AttemptEvidence evidence = new ScriptedAttempt(faces, List.of(TURN_LEFT, LOOK_UP))
                .hold(1000).noFaceGap(2500).hold(500).evidence();

        SubCheck result = check.evaluate(evidence);

        assertThat(result.reason()).isEqualTo("FRAME_GAP");
    }

    @Test
    void embeddingsOfOnePersonPassAndEveryDistanceIsReported() {
        var asked = List.of(TURN_LEFT, LOOK_UP);
        AttemptEvidence evidence = embedded(new ScriptedAttempt(faces, asked).perform(asked, false).evidence(),
                0.1, 0.5, 0.1);

        SubCheck result = check.evaluate(evidence);

        assertThat(result.outcome()).isEqualTo(CheckOutcome.PASS);
        assertThat(result.details()).containsEntry("identity_distance_challenge_1", 0.5)
                .containsEntry("identity_distance_end", 0.1).containsEntry("max_identity_distance", 0.5)
                .containsEntry("max_frontal_identity_distance", 0.1).containsKeys("identity_pose_challenge_1",
                        "identity_pose_end", "identity_margin");
        assertThat((double) result.details().get("identity_pose_challenge_1")).as("a turned peak")
                .isGreaterThan(ContinuityCheck.FRONTAL_DEGREES);
    }

    @Test
    void anotherPersonAtTheEndIsAnIdentityChangeEvenWhenEveryHandMadeCuePasses() {
        var asked = List.of(TURN_LEFT, LOOK_UP);
        AttemptEvidence evidence = embedded(new ScriptedAttempt(faces, asked).perform(asked, false).evidence(),
                0.1, 0.2, ContinuityCheck.MAX_FRONTAL_DISTANCE + 0.05);

        SubCheck result = check.evaluate(evidence);

        assertThat(result.reason()).isEqualTo("IDENTITY_CHANGE");
        assertThat((int) result.details().get("unlike_frames")).as("the appearance cues saw nothing").isZero();
    }

    /**
     * The hand-made cues (appearance, shape, colour, texture) see another face from the second challenge on, in frames
     * that follow one another slowly enough not to be compared for a cut. The learned embedding decides: where it
     * finds the reference's person in every frame it compared with room to spare, the cues are overruled (they follow
     * light and scale as much as identity); where its call was close, the cues still count.
     */
    @Test
    void theEmbeddingOverrulesTheHandMadeCuesOnlyWhenItIsClearlyTheSamePerson() {
        AttemptEvidence evidence = new ScriptedAttempt(faces, List.of(TURN_LEFT, LOOK_UP)).framesEvery(200)
                .hold(1000).moveTo(Pose.frontal().yaw(30), 500).hold(500).moveTo(Pose.frontal(), 400)
                .identity(2).hold(1500).evidence();
        assertThat(check.evaluate(evidence).reason()).as("no embedding: the cues judge").isEqualTo("IDENTITY_CHANGE");
        double clearly = ContinuityCheck.MAX_FRONTAL_DISTANCE - ContinuityCheck.MARGIN_TO_OVERRULE - 0.02;
        double closeCall = ContinuityCheck.MAX_FRONTAL_DISTANCE - ContinuityCheck.MARGIN_TO_OVERRULE + 0.02;

        SubCheck overruled = check.evaluate(embedded(evidence, 0.01, 0.05, clearly));
        SubCheck close = check.evaluate(embedded(evidence, 0.01, 0.05, closeCall));

        assertThat(overruled.outcome()).isEqualTo(CheckOutcome.PASS);
        assertThat(overruled.details()).containsEntry("identity_cues_overruled", true);
        assertThat((int) overruled.details().get("unlike_frames")).as("the cues still saw it").isPositive();
        assertThat(close.reason()).isEqualTo("IDENTITY_CHANGE");
        assertThat(close.details()).doesNotContainKey("identity_cues_overruled");
        // an end frame the embedding could not read leaves the call to the cues, however clear the other frames
        List<IdentityFrame> endUnread = new ArrayList<>();
        for (IdentityFrame f : evidence.identityFrames()) {
            endUnread.add(f.embedded(f.role() == IdentityFrame.Role.END ? null : unitAt(0.01)));
        }
        assertThat(check.evaluate(evidence.withIdentityFrames(endUnread)).reason()).isEqualTo("IDENTITY_CHANGE");
    }

    @Test
    void aTurnedPeakIsAllowedMoreDistanceThanAFrontalFrameButNotAnotherPersons() {
        var asked = List.of(TURN_LEFT, LOOK_UP);
        AttemptEvidence turned = new ScriptedAttempt(faces, asked).perform(asked, false).evidence();
        double posedButSame = ContinuityCheck.MAX_FRONTAL_DISTANCE + 0.1;

        assertThat(check.evaluate(embedded(turned, 0.1, posedButSame, 0.1)).outcome()).isEqualTo(CheckOutcome.PASS);
        assertThat(check.evaluate(embedded(turned, 0.1, ContinuityCheck.MAX_POSED_DISTANCE + 0.05, 0.1)).reason())
                .isEqualTo("IDENTITY_CHANGE");
    }

    @Test
    void theLimitGrowsWithThePoseDifferenceUpToTheLoosestOne() {
        assertThat(ContinuityCheck.identityLimit(0)).isEqualTo(ContinuityCheck.MAX_FRONTAL_DISTANCE);
        assertThat(ContinuityCheck.identityLimit(ContinuityCheck.FRONTAL_DEGREES))
                .isEqualTo(ContinuityCheck.MAX_FRONTAL_DISTANCE);
        assertThat(ContinuityCheck.identityLimit(ContinuityCheck.FRONTAL_DEGREES + 4))
                .isGreaterThan(ContinuityCheck.MAX_FRONTAL_DISTANCE).isLessThan(ContinuityCheck.MAX_POSED_DISTANCE);
        assertThat(ContinuityCheck.identityLimit(60)).isEqualTo(ContinuityCheck.MAX_POSED_DISTANCE);
    }

    @Test
    void aFrameThatCouldNotBeEmbeddedIsCountedNotGuessed() {
        var asked = List.of(TURN_LEFT, LOOK_UP);
        AttemptEvidence evidence = new ScriptedAttempt(faces, asked).perform(asked, false).evidence();
        List<IdentityFrame> frames = new ArrayList<>();
        for (IdentityFrame f : evidence.identityFrames()) {
            frames.add(f.embedded(f.role() == IdentityFrame.Role.END ? null : unitAt(0)));
        }

        SubCheck result = check.evaluate(evidence.withIdentityFrames(frames));

        assertThat(result.outcome()).isEqualTo(CheckOutcome.PASS);
        assertThat(result.details()).containsEntry("frames_not_embedded", 1).doesNotContainKey("identity_distance_end");
    }

    /**
     * The evidence with synthetic embeddings: the reference at distance 0,
     * the start image at {@code start}, every challenge peak at {@code peak}
     * and the end frame at {@code end} (cosine distances).
     */
    private static AttemptEvidence embedded(AttemptEvidence evidence, double start, double peak, double end) {
        List<IdentityFrame> frames = new ArrayList<>();
        for (IdentityFrame f : evidence.identityFrames()) {
            double d = switch (f.role()) {
                case REFERENCE -> 0;
                case START -> start;
                case CHALLENGE_PEAK -> peak;
                case END -> end;
            };
            frames.add(f.embedded(unitAt(d)));
        }
        return evidence.withIdentityFrames(frames);
    }

    /** A unit vector at cosine distance {@code d} from the first axis. */
    private static float[] unitAt(double d) {
        float[] v = new float[FaceEmbedder.DIMENSIONS];
        v[0] = (float) (1 - d);
        v[1] = (float) Math.sqrt(1 - (1 - d) * (1 - d));
        return v;
    }
}
