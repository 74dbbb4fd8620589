package dev.livecheck.core.attempt;

import static dev.livecheck.core.attempt.Challenge.LOOK_UP;
import static dev.livecheck.core.attempt.Challenge.MOVE_CLOSER;
import static dev.livecheck.core.attempt.Challenge.TURN_LEFT;
import static dev.livecheck.core.attempt.Challenge.TURN_RIGHT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.livecheck.core.attempt.AttemptEvidence.Ending;
import dev.livecheck.core.fixtures.SyntheticFaces;
import java.util.List;
import org.junit.jupiter.api.Test;

class LivenessAttemptTest {

    private final SyntheticFaces faces = new SyntheticFaces();

    @Test
    void bonaFidePerformanceCompletesEveryChallengeInOrder() {
        List<Challenge> asked = List.of(TURN_LEFT, LOOK_UP, MOVE_CLOSER);
        ScriptedAttempt run = new ScriptedAttempt(faces, asked).perform(asked, false);
        AttemptEvidence evidence = run.evidence();

        assertThat(evidence.ending()).isEqualTo(Ending.COMPLETED);
        assertThat(evidence.traces()).allMatch(ChallengeTrace::passed);
        assertThat(run.events()).filteredOn(AttemptEvent.ChallengeIssued.class::isInstance)
                .extracting(e -> ((AttemptEvent.ChallengeIssued) e).action())
                .containsExactly(TURN_LEFT, LOOK_UP, MOVE_CLOSER);
        assertThat(run.events()).filteredOn(AttemptEvent.ChallengePassed.class::isInstance).hasSize(3);
        assertThat(evidence.images()).hasSize(3);
        assertThat(evidence.endIndex()).isPositive();
    }

    @Test
    void challengesAreJudgedInTimeSoTheFloorRateOfSixFramesASecondPassesTheSamePerformance() {
        List<Challenge> asked = List.of(TURN_LEFT, LOOK_UP, MOVE_CLOSER);
        ScriptedAttempt run = new ScriptedAttempt(faces, asked).framesEvery(167).perform(asked, false);
        assertThat(run.events()).filteredOn(AttemptEvent.ChallengePassed.class::isInstance).hasSize(3);
        assertThat(run.evidence().ending()).isEqualTo(AttemptEvidence.Ending.COMPLETED);
    }

    @Test
    void theReferenceEachChallengePeakAndTheEndAreKeptForTheFaceRecognitionComparison() {
        List<Challenge> asked = List.of(TURN_LEFT, LOOK_UP);
        AttemptEvidence evidence = new ScriptedAttempt(faces, asked).perform(asked, false).evidence();

        List<IdentityFrame> kept = evidence.identityFrames();
        assertThat(kept).extracting(IdentityFrame::label).containsSubsequence("reference", "challenge_1",
                "challenge_2", "end");
        assertThat(kept.get(0).index()).isEqualTo(evidence.baseline().referenceIndex());
        assertThat(kept).filteredOn(f -> f.role() == IdentityFrame.Role.CHALLENGE_PEAK)
                .extracting(IdentityFrame::index)
                .containsExactlyElementsOf(evidence.traces().stream().map(ChallengeTrace::peakIndex).toList());
        assertThat(kept.get(kept.size() - 1).index()).isEqualTo(evidence.endIndex());
        // each kept JPEG is the one that arrived with its frame, and none is embedded yet
        assertThat(kept).allSatisfy(f -> {
            assertThat(ScriptedAttempt.timestampOf(f.jpeg()))
                    .isEqualTo(evidence.observations().get(f.index()).timestampMillis());
            assertThat(f.embedding()).isNull();
        });
    }

    @Test
    void anAttemptThatNeverLockedKeepsNothingToCompare() {
        AttemptEvidence evidence = new ScriptedAttempt(faces, List.of(TURN_LEFT, LOOK_UP)).noFace(2000).evidence();
        assertThat(evidence.identityFrames()).isEmpty();
    }

    @Test
    void aTurnThatLiftsTheChinOnTheWayDoesNotPassANod() {
        // a recording of TURN_LEFT replayed to a LOOK_UP: 32 degrees of yaw bring 12 of pitch with them
        ScriptedAttempt run = new ScriptedAttempt(faces, List.of(LOOK_UP));
        run.hold(1000).moveTo(SyntheticFaces.Pose.frontal().yaw(32).pitch(12), 500).hold(600)
                .moveTo(SyntheticFaces.Pose.frontal(), 400).hold(800);
        AttemptEvidence evidence = run.evidence();

        assertThat(evidence.traces().get(0).passed()).isFalse();
        assertThat(evidence.ending()).isEqualTo(Ending.FRAMES_ENDED);
    }

    @Test
    void aNodWithTheHeadSlightlyTurnedStillPasses() {
        ScriptedAttempt run = new ScriptedAttempt(faces, List.of(LOOK_UP));
        run.hold(1000).moveTo(SyntheticFaces.Pose.frontal().yaw(6).pitch(20), 500).hold(600)
                .moveTo(SyntheticFaces.Pose.frontal(), 400).hold(800);
        assertThat(run.evidence().traces().get(0).passed()).isTrue();
    }

    @Test
    void performingAnotherChallengeEndsTheAttemptAsWrongAction() {
        ScriptedAttempt run = new ScriptedAttempt(faces, List.of(TURN_LEFT, TURN_RIGHT))
                .perform(List.of(TURN_RIGHT, TURN_LEFT), false);
        AttemptEvidence evidence = run.evidence();

        assertThat(evidence.ending()).isEqualTo(Ending.WRONG_ACTION);
        assertThat(evidence.traces().get(0).wrongAction()).isEqualTo(TURN_RIGHT);
    }

    @Test
    void aFrozenFaceTimesOutOnTheFirstChallenge() {
        ScriptedAttempt run = new ScriptedAttempt(faces, List.of(TURN_LEFT, LOOK_UP)).hold(8000);

        assertThat(run.evidence().ending()).isEqualTo(Ending.CHALLENGE_TIMEOUT);
    }

    @Test
    void noFaceGivesGuidanceAndNeverLocks() {
        ScriptedAttempt run = new ScriptedAttempt(faces, List.of(TURN_LEFT, LOOK_UP)).noFace(2000);
        AttemptEvidence evidence = run.evidence();

        assertThat(run.events()).contains(new AttemptEvent.Guidance(GuidanceCode.NO_FACE));
        assertThat(evidence.ending()).isEqualTo(Ending.NO_LOCK);
        assertThat(evidence.baseline()).isNull();
    }

    @Test
    void twoFacesGiveGuidanceAndNeverLock() {
        ScriptedAttempt run = new ScriptedAttempt(faces, List.of(TURN_LEFT, LOOK_UP)).twoFaces(2000);

        assertThat(run.events()).containsOnlyOnce(new AttemptEvent.Guidance(GuidanceCode.MULTIPLE_FACES));
        assertThat(run.evidence().ending()).isEqualTo(Ending.NO_LOCK);
    }

    @Test
    void aStreamThatStopsTimesOutOnTick() {
        LivenessAttempt attempt = new LivenessAttempt(List.of(TURN_LEFT, LOOK_UP), AttemptSettings.defaults());
        for (long t = 0; t < 1000; t += 66) {
            attempt.accept(faces.frame(t, SyntheticFaces.Pose.frontal(), SyntheticFaces.appearance(1)), new byte[] {1});
        }
        assertThat(attempt.tick(2000)).isEmpty();
        assertThat(attempt.tick(10_000)).singleElement().isInstanceOf(AttemptEvent.Completed.class);
        assertThat(attempt.isDone()).isTrue();
    }

    @Test
    void aPersonWhoWaitsToBeAskedPassesEveryChallengeAfterItsPause() {
        List<Challenge> asked = List.of(TURN_LEFT, LOOK_UP, MOVE_CLOSER);
        List<Long> pauses = List.of(1500L, 1200L, 2000L);
        ScriptedAttempt run = new ScriptedAttempt(faces, asked, pauses).respond(20_000);
        AttemptEvidence evidence = run.evidence();

        assertThat(evidence.ending()).isEqualTo(Ending.COMPLETED);
        assertThat(evidence.traces()).allMatch(ChallengeTrace::passed);
        // each challenge is asked no sooner than its pause after the lock or the previous challenge passed
        long since = evidence.observations().get(evidence.lockIndices()[1]).timestampMillis();
        for (int k = 0; k < asked.size(); k++) {
            ChallengeTrace trace = evidence.traces().get(k);
            assertThat(trace.issuedAt() - since).as("wait before challenge %d", k + 1)
                    .isGreaterThanOrEqualTo(pauses.get(k));
            since = trace.passedAt();
        }
    }

    @Test
    void aPerformanceAtThePaceOfAnAttemptThatAskedAtOnceActsWhileNothingIsAskedAndIsAWrongAction() {
        // the recording of an attempt that asked at once, replayed to one that pauses as production does: the turn
        // comes before the first challenge is due
        List<Challenge> asked = List.of(TURN_LEFT, LOOK_UP);
        for (long pause : List.of(ChallengePlanner.FIRST_PAUSE_MIN_MILLIS, ChallengePlanner.FIRST_PAUSE_MAX_MILLIS)) {
            List<Long> pauses = List.of(pause, ChallengePlanner.LATER_PAUSE_MIN_MILLIS);
            ScriptedAttempt run = new ScriptedAttempt(faces, asked, pauses).perform(asked, false);
            AttemptEvidence evidence = run.evidence();

            assertThat(run.events()).as("pause %d", pause).noneMatch(AttemptEvent.ChallengeIssued.class::isInstance);
            assertThat(evidence.ending()).as("pause %d", pause).isEqualTo(Ending.WRONG_ACTION);
            assertThat(evidence.traces()).extracting(ChallengeTrace::wrongAction).containsExactly(TURN_LEFT, null);
            assertThat(evidence.traces()).noneMatch(ChallengeTrace::passed);
        }
        // the same performance passes an attempt that asks at once: the pause is what stops it
        assertThat(new ScriptedAttempt(faces, asked).perform(asked, false).evidence().ending())
                .isEqualTo(Ending.COMPLETED);
    }

    @Test
    void aFaceThatNeverSettlesForThePauseTimesOutBeforeBeingAsked() {
        ScriptedAttempt run = new ScriptedAttempt(faces, List.of(TURN_LEFT, LOOK_UP), List.of(1500L, 1500L));
        run.hold(600);
        // 13 degrees of yaw leave frontal (10.8) without being a clear turn (16.25): each restarts the wait
        for (int i = 0; i < 8; i++) {
            run.moveTo(SyntheticFaces.Pose.frontal().yaw(13), 400).moveTo(SyntheticFaces.Pose.frontal(), 400);
        }
        AttemptEvidence evidence = run.evidence();

        assertThat(run.events()).noneMatch(AttemptEvent.ChallengeIssued.class::isInstance);
        assertThat(evidence.ending()).isEqualTo(Ending.CHALLENGE_TIMEOUT);
    }

    @Test
    void anActionBetweenTwoChallengesBeforeTheNextIsAskedIsAWrongActionButTheReturnIsNot() {
        List<Challenge> asked = List.of(TURN_LEFT, LOOK_UP);
        ScriptedAttempt run = new ScriptedAttempt(faces, asked, List.of(1100L, 500L)).holdUntilAsked();
        // the turn asked, passed and undone (its return is no action), then a nod before the nod is asked
        run.moveTo(SyntheticFaces.Pose.frontal().yaw(32), 500).hold(600).moveTo(SyntheticFaces.Pose.frontal(), 400)
                .moveTo(SyntheticFaces.Pose.frontal().pitch(22), 300).hold(600);
        AttemptEvidence evidence = run.evidence();

        assertThat(evidence.traces().get(0).passed()).isTrue();
        assertThat(evidence.ending()).isEqualTo(Ending.WRONG_ACTION);
        assertThat(evidence.traces().get(1).wrongAction()).isEqualTo(LOOK_UP);
        assertThat(evidence.traces().get(1).issuedAt()).isEqualTo(-1);
    }

    @Test
    void theChinATurnLiftsOnItsWayBackIsNoActionWhileTheNextChallengeWaits() {
        List<Challenge> asked = List.of(TURN_LEFT, TURN_RIGHT);
        ScriptedAttempt run = new ScriptedAttempt(faces, asked, List.of(1100L, 500L)).holdUntilAsked();
        // the turn with the chin lifted 12 degrees (a LOOK_UP reading of 1.5), held, and back the same way
        SyntheticFaces.Pose lifted = SyntheticFaces.Pose.frontal().yaw(32).pitch(12);
        run.moveTo(lifted, 500).hold(600).moveTo(SyntheticFaces.Pose.frontal().yaw(12).pitch(12), 300)
                .moveTo(SyntheticFaces.Pose.frontal(), 200).respond(6000);
        AttemptEvidence evidence = run.evidence();

        assertThat(evidence.ending()).isEqualTo(Ending.COMPLETED);
        assertThat(evidence.traces()).allMatch(ChallengeTrace::passed);
    }

    @Test
    void pausesMustMatchTheChallenges() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new LivenessAttempt(List.of(TURN_LEFT, LOOK_UP),
                List.of(1000L), AttemptSettings.defaults())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void onlyAnImageSentAgainRightAfterItselfIsARepeat() {
        LivenessAttempt attempt = new LivenessAttempt(List.of(TURN_LEFT, LOOK_UP), AttemptSettings.defaults());
        byte[] a = {1, 2, 3, 4};
        byte[] b = {1, 2, 3, 5};

        assertThat(attempt.repeatsThePreviousImage(a)).isFalse();
        assertThat(attempt.repeatsThePreviousImage(a.clone())).as("the same bytes, another array").isTrue();
        assertThat(attempt.repeatsThePreviousImage(a)).isTrue();
        assertThat(attempt.repeatsThePreviousImage(b)).isFalse();
        assertThat(attempt.repeatsThePreviousImage(a)).as("an earlier image again, not the one before").isFalse();
        assertThat(attempt.finish()).singleElement().satisfies(e -> assertThat(
                ((AttemptEvent.Completed) e).evidence().repeatedFrames()).isEqualTo(2));
    }
}
