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

    private static LivenessReport report(Recommendation recommendation) {
        return report(recommendation, recommendation == Recommendation.APPROVE ? null : "CHALLENGE_TIMEOUT");
    }

    private static LivenessReport report(Recommendation recommendation, String reason) {
        return new LivenessReport(recommendation, reason, List.of(Challenge.TURN_LEFT), List.of(), List.of(), 100, 100,
                5_000, 10);
    }
}
