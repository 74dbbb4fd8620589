package dev.livecheck.core.checks;

import dev.livecheck.core.attempt.AttemptEvidence;
import dev.livecheck.core.attempt.AttemptEvidence.Ending;
import dev.livecheck.core.attempt.AttemptSettings;
import dev.livecheck.core.attempt.Challenge;
import dev.livecheck.core.attempt.ChallengeTrace;
import dev.livecheck.core.report.Reasons;
import dev.livecheck.core.report.SubCheck;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Were the server's challenges performed in the order asked, each in time and
 * held? A replay made for another order performs a wrong action or runs out
 * of time; a still photo never starts.
 */
public final class ChallengeResponseCheck {

    public static final String NAME = "challenge_response";

    private final AttemptSettings settings;

    public ChallengeResponseCheck(AttemptSettings settings) {
        this.settings = settings;
    }

    public SubCheck evaluate(AttemptEvidence evidence) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("ending", evidence.ending().name());
        List<Map<String, Object>> steps = new ArrayList<>();
        for (ChallengeTrace t : evidence.traces()) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("step", t.step());
            s.put("action", t.challenge().name());
            s.put("passed", t.passed());
            s.put("response_ms", t.responseMillis());
            s.put("peak_" + unit(t.challenge()), Stats.round(magnitude(t.challenge(), t.peakProgress())));
            if (t.wrongAction() != null) {
                s.put("wrong_action", t.wrongAction().name());
            }
            steps.add(s);
        }
        d.put("steps", steps);
        if (evidence.challenges().isEmpty()) {
            return SubCheck.fail(NAME, Reasons.NO_CHALLENGES, d);
        }
        if (evidence.ending() == Ending.NO_LOCK) {
            return SubCheck.inconclusive(NAME, Reasons.NOT_STARTED, d);
        }
        String reason = switch (evidence.ending()) {
            case WRONG_ACTION -> Reasons.WRONG_ACTION;
            case CHALLENGE_TIMEOUT -> Reasons.CHALLENGE_TIMEOUT;
            case FRAMES_ENDED -> Reasons.CHALLENGE_INCOMPLETE;
            default -> !evidence.traces().stream().allMatch(ChallengeTrace::passed) ? Reasons.CHALLENGE_INCOMPLETE
                    : evidence.endIndex() < 0 ? Reasons.NO_FINAL_FRONTAL : null;
        };
        return reason == null ? SubCheck.pass(NAME, d) : SubCheck.fail(NAME, reason, d);
    }

    private static String unit(Challenge c) {
        return c == Challenge.MOVE_CLOSER ? "closer_ratio" : "degrees";
    }

    /** Converts progress back into what was measured: degrees of turn or nod, or the distance ratio. */
    private double magnitude(Challenge c, double progress) {
        return switch (c) {
            case TURN_LEFT, TURN_RIGHT -> progress * settings.turnDegrees();
            case LOOK_UP, LOOK_DOWN -> progress * settings.nodDegrees();
            case MOVE_CLOSER -> 1 + progress * (settings.closerRatio() - 1);
        };
    }
}
