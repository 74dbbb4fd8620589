package dev.livecheck.core.checks;

import static dev.livecheck.core.attempt.Challenge.TURN_LEFT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.livecheck.core.attempt.AttemptEvidence;
import dev.livecheck.core.attempt.AttemptSettings;
import dev.livecheck.core.attempt.ScriptedAttempt;
import dev.livecheck.core.fixtures.SyntheticFaces;
import dev.livecheck.core.fixtures.SyntheticFaces.Pose;
import dev.livecheck.core.report.Reasons;
import dev.livecheck.core.report.SubCheck;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The challenge-response check's verdicts on scripted performances. */
class ChallengeResponseCheckTest {

    private final SyntheticFaces faces = new SyntheticFaces();
    private final ChallengeResponseCheck check = new ChallengeResponseCheck(AttemptSettings.defaults());

    @Test
    void challengesPerformedAndAFaceBackAtTheCameraPass() {
        AttemptEvidence evidence = new ScriptedAttempt(faces, List.of(TURN_LEFT)).perform(List.of(TURN_LEFT), false)
                .evidence();
        assertThat(check.evaluate(evidence).passed()).isTrue();
    }

    @Test
    void aFaceThatNeverComesBackAfterTheLastChallengeFails() {
        // the end wait (3 s) runs out on a turned face: nobody was seen frontal after the challenges
        ScriptedAttempt run = new ScriptedAttempt(faces, List.of(TURN_LEFT));
        run.hold(1000).moveTo(Pose.frontal().yaw(32), 500).hold(4000);
        AttemptEvidence evidence = run.evidence();

        assertThat(evidence.ending()).isEqualTo(AttemptEvidence.Ending.COMPLETED);
        assertThat(evidence.endIndex()).isNegative();
        SubCheck result = check.evaluate(evidence);
        assertThat(result.passed()).isFalse();
        assertThat(result.reason()).isEqualTo(Reasons.NO_FINAL_FRONTAL);
    }
}
