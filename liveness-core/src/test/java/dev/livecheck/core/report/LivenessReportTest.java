package dev.livecheck.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.livecheck.core.attempt.Challenge;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a report says about the evidence behind it, for callers that decide what to make of a verdict. */
class LivenessReportTest {

    @Test
    void theAnalysedFrameRateIsAnalysedFramesOverTheAttemptsDuration() {
        assertThat(report(40, 30, 5_000).analyzedFramesPerSecond()).isCloseTo(6.0, within(1e-9));
        // frames that could not be analysed are no evidence
        assertThat(report(40, 10, 5_000).analyzedFramesPerSecond()).isCloseTo(2.0, within(1e-9));
        // one frame has no duration: no rate to speak of
        assertThat(report(1, 1, 0).analyzedFramesPerSecond()).isZero();
    }

    @Test
    void onlyGapsAndLateFramesCountAsFailuresThatSparseFramesCause() {
        assertThat(reject(Reasons.FACE_CUT).failedOnAFrameGap()).isTrue();
        assertThat(reject(Reasons.CHALLENGE_TIMEOUT).failedOnAFrameGap()).isFalse();
        assertThat(reject(Reasons.CHALLENGE_TIMEOUT).failedOnSparseFrames()).isTrue();
        assertThat(reject(Reasons.SCREEN_REPLAY).failedOnSparseFrames()).isFalse();
    }

    private static LivenessReport reject(String reason) {
        return new LivenessReport(Recommendation.REJECT, reason, List.of(Challenge.LOOK_UP), List.of(), List.of(), 60,
                60, 5_000, 10);
    }

    private static LivenessReport report(int frames, int analysed, long millis) {
        return new LivenessReport(Recommendation.REJECT, Reasons.SCREEN_REPLAY, List.of(Challenge.LOOK_UP), List.of(),
                List.of(), frames, analysed, millis, 10);
    }
}
