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
        assertThat(ServerCut.cut(report(Recommendation.REJECT), 100, 21)).isTrue();
        assertThat(ServerCut.cut(report(Recommendation.NOT_AVAILABLE), 100, 50)).isTrue();
    }

    @Test
    void aFewDroppedFramesOrAnApprovalStandAsJudged() {
        assertThat(ServerCut.cut(report(Recommendation.REJECT), 100, 20)).isFalse();
        assertThat(ServerCut.cut(report(Recommendation.APPROVE), 100, 60)).isFalse();
        assertThat(ServerCut.cut(report(Recommendation.REJECT), 0, 0)).isFalse();
    }

    @Test
    void aCutOrAFrameGapAfterAnyDroppedFrameIsTheServersFault() {
        assertThat(ServerCut.cut(report(Recommendation.REJECT, "FACE_CUT"), 100, 1)).isTrue();
        assertThat(ServerCut.cut(report(Recommendation.REJECT, "FRAME_GAP"), 100, 3)).isTrue();
        // without a dropped frame the gap was the person's (or their network's), and other reasons need a fifth
        assertThat(ServerCut.cut(report(Recommendation.REJECT, "FACE_CUT"), 100, 0)).isFalse();
        assertThat(ServerCut.cut(report(Recommendation.REJECT, "IDENTITY_CHANGE"), 100, 3)).isFalse();
    }

    private static LivenessReport report(Recommendation recommendation) {
        return report(recommendation, recommendation == Recommendation.APPROVE ? null : "CHALLENGE_TIMEOUT");
    }

    private static LivenessReport report(Recommendation recommendation, String reason) {
        return new LivenessReport(recommendation, reason, List.of(Challenge.TURN_LEFT), List.of(), List.of(), 100, 100,
                5_000, 10);
    }
}
