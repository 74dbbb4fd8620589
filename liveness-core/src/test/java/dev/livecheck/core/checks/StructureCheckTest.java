package dev.livecheck.core.checks;

import static dev.livecheck.core.attempt.Challenge.LOOK_DOWN;
import static dev.livecheck.core.attempt.Challenge.MOVE_CLOSER;
import static dev.livecheck.core.attempt.Challenge.TURN_RIGHT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.livecheck.core.attempt.AttemptEvidence;
import dev.livecheck.core.attempt.AttemptSettings;
import dev.livecheck.core.attempt.Challenge;
import dev.livecheck.core.attempt.ScriptedAttempt;
import dev.livecheck.core.fixtures.SyntheticFaces;
import dev.livecheck.core.fixtures.SyntheticFaces.Pose;
import dev.livecheck.core.report.CheckOutcome;
import dev.livecheck.core.report.SubCheck;
import java.util.List;
import org.junit.jupiter.api.Test;

class StructureCheckTest {

    private final SyntheticFaces faces = new SyntheticFaces();
    private final StructureCheck check = new StructureCheck(AttemptSettings.defaults());

    @Test
    void aTurningHeadShowsNoseParallax() {
        var p = StructureCheck.measure(faces.project(Pose.frontal()), faces.project(Pose.frontal().yaw(25)));
        assertThat(p.nose()).isGreaterThan(StructureCheck.MIN_PARALLAX * 1.5);
    }

    @Test
    void aTiltedPictureMovesAsOnePlane() {
        var p = StructureCheck.measure(faces.project(Pose.frontal().flat()),
                faces.project(Pose.frontal().flat().yaw(45).pitch(10).distance(40)));
        assertThat(p.nose()).isLessThan(0.01);
        assertThat(p.planarRms()).isLessThan(0.01);
    }

    @Test
    void passesABonaFideAttempt() {
        List<Challenge> asked = List.of(TURN_RIGHT, LOOK_DOWN);
        AttemptEvidence evidence = new ScriptedAttempt(faces, asked).perform(asked, false).evidence();

        SubCheck result = check.evaluate(evidence);

        assertThat(result.outcome()).isEqualTo(CheckOutcome.PASS);
        assertThat((double) result.details().get("nose_parallax")).isGreaterThan(StructureCheck.MIN_PARALLAX);
    }

    @Test
    void failsAPrintTiltedToMimicTheChallenges() {
        // A tilted card barely moves the head-pose estimate, so with normal
        // thresholds it never passes a challenge. Lower them so the challenges
        // count and only the structure check stands between the card and APPROVE.
        AttemptSettings lenient = new AttemptSettings(400, 15_000, 5_000, 3_000, 250, 300,
                2, 10, 1.22, 25, 18, 12, 0.12, 0.80, 45, 225);
        List<Challenge> asked = List.of(TURN_RIGHT);
        AttemptEvidence evidence = new ScriptedAttempt(faces, asked, lenient).perform(asked, true).evidence();

        SubCheck result = new StructureCheck(lenient).evaluate(evidence);

        assertThat(evidence.traces()).allMatch(t -> t.passed());
        assertThat(result.outcome()).isEqualTo(CheckOutcome.FAIL);
        assertThat(result.reason()).isEqualTo("FLAT_SURFACE");
    }

    @Test
    void movingCloserAloneGivesNoDepthEvidence() {
        List<Challenge> asked = List.of(MOVE_CLOSER);
        AttemptEvidence evidence = new ScriptedAttempt(faces, asked).perform(asked, false).evidence();

        assertThat(check.evaluate(evidence).outcome()).isEqualTo(CheckOutcome.INCONCLUSIVE);
    }
}
