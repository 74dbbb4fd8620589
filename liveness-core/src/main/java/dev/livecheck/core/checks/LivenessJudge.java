package dev.livecheck.core.checks;

import dev.livecheck.core.attempt.AttemptEvidence;
import dev.livecheck.core.attempt.AttemptSettings;
import dev.livecheck.core.report.CheckOutcome;
import dev.livecheck.core.report.LivenessReport;
import dev.livecheck.core.report.Recommendation;
import dev.livecheck.core.report.SubCheck;
import java.util.List;

/**
 * Runs every sub-check and decides. An attempt the engine could not see
 * properly (quality failed) is NOT_AVAILABLE: nothing about it is known. Any
 * other sub-check that fails or cannot be judged makes it REJECT, with the
 * first such sub-check's reason. Only when all pass is it APPROVE.
 */
public final class LivenessJudge {

    private final QualityCheck quality;
    private final ChallengeResponseCheck challengeResponse;
    private final StructureCheck structure;
    private final ContinuityCheck continuity = new ContinuityCheck();
    private final PresentationCheck presentation = new PresentationCheck();

    public LivenessJudge(AttemptSettings settings) {
        this.quality = new QualityCheck(settings);
        this.challengeResponse = new ChallengeResponseCheck(settings);
        this.structure = new StructureCheck(settings);
    }

    /** Judges the evidence; {@code decisionStartNanos} is when the last frame was handled. */
    public LivenessReport judge(AttemptEvidence evidence, long decisionStartNanos) {
        SubCheck q = quality.evaluate(evidence);
        List<SubCheck> checks = List.of(q, challengeResponse.evaluate(evidence), structure.evaluate(evidence),
                continuity.evaluate(evidence), presentation.evaluate(evidence));
        Recommendation recommendation;
        String reason;
        if (!q.passed()) {
            recommendation = Recommendation.NOT_AVAILABLE;
            reason = q.reason();
        } else {
            SubCheck failed = checks.stream().filter(c -> c.outcome() != CheckOutcome.PASS).findFirst().orElse(null);
            recommendation = failed == null ? Recommendation.APPROVE : Recommendation.REJECT;
            reason = failed == null ? null : failed.reason();
        }
        long decisionMillis = (System.nanoTime() - decisionStartNanos) / 1_000_000;
        int frames = evidence.observations().size() + evidence.rejectedFrames();
        return new LivenessReport(recommendation, reason, evidence.challenges(), checks, evidence.images(), frames,
                evidence.observations().size(), evidence.durationMillis(), decisionMillis);
    }
}
