package dev.livecheck.portal.capture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livecheck.core.attempt.Challenge;
import dev.livecheck.core.report.LivenessReport;
import dev.livecheck.core.report.Recommendation;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServerCutTest {

    @Test
    void aRejectionAfterTheServerDroppedMoreThanAFifthOfTheFramesIsTheServersFault() {
        assertThat(ServerCut.cut(report(Recommendation.REJECT), 100, 21, false)).isTrue();
        assertThat(ServerCut.cut(report(Recommendation.NOT_AVAILABLE), 100, 50, false)).isTrue();
    }

    @Test
    void aFewDroppedFramesOrAnApprovalStandAsJudged() {
        assertThat(ServerCut.cut(report(Recommendation.REJECT), 100, 20, false)).isFalse();
        assertThat(ServerCut.cut(report(Recommendation.APPROVE), 100, 60, false)).isFalse();
        assertThat(ServerCut.cut(report(Recommendation.REJECT), 0, 0, false)).isFalse();
    }

    @Test
    void aCutOrAFrameGapAfterAnyDroppedFrameIsTheServersFault() {
        assertThat(ServerCut.cut(report(Recommendation.REJECT, "FACE_CUT"), 100, 1, false)).isTrue();
        assertThat(ServerCut.cut(report(Recommendation.REJECT, "FRAME_GAP"), 100, 3, false)).isTrue();
        // without a dropped frame the gap was the person's (or their network's), and other reasons need a fifth
        assertThat(ServerCut.cut(report(Recommendation.REJECT, "FACE_CUT"), 100, 0, false)).isFalse();
        assertThat(ServerCut.cut(report(Recommendation.REJECT, "IDENTITY_CHANGE"), 100, 3, false)).isFalse();
    }

    @Test
    void onASaturatedMachineAFailureThatSparseFramesCauseIsTheServersFaultEvenWithoutADroppedFrame() {
        for (String sparse : List.of("CHALLENGE_TIMEOUT", "FRAME_GAP", "FACE_CUT", "FRAME_JUMP")) {
            assertThat(ServerCut.cut(report(Recommendation.REJECT, sparse), 60, 0, true)).as(sparse).isTrue();
            assertThat(ServerCut.cut(report(Recommendation.REJECT, sparse), 60, 0, false)).as(sparse).isFalse();
        }
        // what the person did stands however busy the machine was: a wrong action, another face, a flat picture
        for (String performed : List.of("WRONG_ACTION", "IDENTITY_CHANGE", "FLAT_SURFACE", "SCREEN_REPLAY")) {
            assertThat(ServerCut.cut(report(Recommendation.REJECT, performed), 60, 0, true)).as(performed).isFalse();
        }
        assertThat(ServerCut.cut(report(Recommendation.APPROVE), 60, 0, true)).isFalse();
    }

    @Test
    void onASaturatedMachineAnyFailureOnThinnerEvidenceThanTheEngineWasMeasuredOnIsTheServersFault() {
        // 17 frames in 5.5 s: what a live-rendered bona fide user had when it was rejected SCREEN_REPLAY at 60 users
        LivenessReport thin = report(Recommendation.REJECT, "SCREEN_REPLAY", 17, 5_504);
        assertThat(thin.analyzedFramesPerSecond()).isLessThan(ServerCut.THIN_EVIDENCE_FPS);
        assertThat(ServerCut.cut(thin, 17, 0, true)).isTrue();
        assertThat(ServerCut.cut(report(Recommendation.REJECT, "IDENTITY_CHANGE", 13, 4_505), 13, 0, true)).isTrue();
        // the same thin evidence on a machine with CPU to spare: the client chose its rate, the verdict stands
        assertThat(ServerCut.cut(thin, 17, 0, false)).isFalse();
        // at the floor rate the engine's measured accuracy holds: what the person showed stands
        LivenessReport atTheFloor = report(Recommendation.REJECT, "SCREEN_REPLAY", 30, 5_000);
        assertThat(ServerCut.cut(atTheFloor, 30, 0, true)).isFalse();
        assertThat(ServerCut.cut(report(Recommendation.APPROVE, null, 17, 5_504), 17, 0, true)).isFalse();
    }

    private static LivenessReport report(Recommendation recommendation) {
        return report(recommendation, recommendation == Recommendation.APPROVE ? null : "CHALLENGE_TIMEOUT");
    }

    private static LivenessReport report(Recommendation recommendation, String reason) {
        return report(recommendation, reason, 100, 5_000);
    }

    private static LivenessReport report(Recommendation recommendation, String reason, int frames, long millis) {
        return new LivenessReport(recommendation, reason, List.of(Challenge.TURN_LEFT), List.of(), List.of(), frames,
                frames, millis, 10);
    }
}
