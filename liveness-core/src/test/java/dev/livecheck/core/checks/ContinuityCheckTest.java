package dev.livecheck.core.checks;

import static dev.livecheck.core.attempt.Challenge.LOOK_UP;
import static dev.livecheck.core.attempt.Challenge.TURN_LEFT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.livecheck.core.attempt.AttemptEvidence;
import dev.livecheck.core.attempt.ScriptedAttempt;
import dev.livecheck.core.fixtures.SyntheticFaces;
import dev.livecheck.core.fixtures.SyntheticFaces.Pose;
import dev.livecheck.core.report.CheckOutcome;
import dev.livecheck.core.report.SubCheck;
import java.util.List;
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
    void aLongGapBetweenFramesFails() {
        AttemptEvidence evidence = new ScriptedAttempt(faces, List.of(TURN_LEFT, LOOK_UP))
                .hold(1000).noFaceGap(2500).hold(500).evidence();

        SubCheck result = check.evaluate(evidence);

        assertThat(result.reason()).isEqualTo("FRAME_GAP");
    }
}
