package dev.livecheck.portal.capture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livecheck.core.attempt.Challenge;
import dev.livecheck.core.report.AttemptImage;
import dev.livecheck.core.report.LivenessReport;
import dev.livecheck.persistence.attempts.LivenessAuth;
import dev.livecheck.persistence.attempts.MediaRole;
import dev.livecheck.persistence.sessions.CloseReason;
import dev.livecheck.persistence.sessions.Recommendation;
import dev.livecheck.persistence.sessions.SessionState;
import dev.livecheck.persistence.sessions.VerificationSession;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What the client is told about a decided attempt, without a socket: whether it is counted at all, attempts left,
 * whether the session is over and where the browser goes then.
 */
class AttemptResultsTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final CaptureBinding BINDING = new CaptureBinding(UUID.randomUUID(), UUID.randomUUID(), 2,
            "https://example.com/ok", "https://example.com/error", "a".repeat(64));

    @Test
    void aJudgedAttemptIsCountedAndABusyOrEmptyOneIsNot() {
        assertThat(AttemptResults.disposition(report(core(Recommendation.REJECT), 90), 90, 0, false, () -> 0))
                .isEqualTo(AttemptResults.Disposition.COUNTED);
        assertThat(AttemptResults.disposition(report(core(Recommendation.APPROVE), 90), 100, 60, false, () -> 0))
                .as("an approval stands however many frames the server dropped")
                .isEqualTo(AttemptResults.Disposition.COUNTED);
        assertThat(AttemptResults.disposition(report(core(Recommendation.REJECT), 70), 100, 30, false, () -> 0))
                .as("the server dropped more than a fifth: BUSY, offered again")
                .isEqualTo(AttemptResults.Disposition.BUSY);
        assertThat(AttemptResults.disposition(report(core(Recommendation.NOT_AVAILABLE), 0), 0, 0, false, () -> 0))
                .isEqualTo(AttemptResults.Disposition.NO_FRAMES);
    }

    @Test
    void aSessionGetsOnlySoManyBusyAnswersAndIsJudgedOnWhatArrivedAfterThem() {
        LivenessReport cut = report(core(Recommendation.REJECT), 70);
        assertThat(AttemptResults.disposition(cut, 100, 30, false, () -> ServerCut.MAX_BUSY_PER_SESSION - 1))
                .isEqualTo(AttemptResults.Disposition.BUSY);
        assertThat(AttemptResults.disposition(cut, 100, 30, false, () -> ServerCut.MAX_BUSY_PER_SESSION))
                .as("without a limit, a saturated server would give an attack endless uncounted tries")
                .isEqualTo(AttemptResults.Disposition.COUNTED);
    }

    @Test
    void aRejectionWithAttemptsLeftIsNotFinalAndHasNoRedirect() {
        AttemptOutcome outcome = AttemptResults.outcome(BINDING, Recommendation.REJECT,
                session(SessionState.ONGOING, null, 1, 3, NOW.plusSeconds(3600)), NOW);
        assertThat(outcome).isEqualTo(new AttemptOutcome(Recommendation.REJECT, 2, false, null));
    }

    @Test
    void anApprovalIsFinalAndGoesToTheSuccessUrl() {
        AttemptOutcome outcome = AttemptResults.outcome(BINDING, Recommendation.APPROVE,
                session(SessionState.COMPLETED, CloseReason.APPROVED, 1, 3, NOW.plusSeconds(3600)), NOW);
        assertThat(outcome).isEqualTo(new AttemptOutcome(Recommendation.APPROVE, 0, true, "https://example.com/ok"));
    }

    @Test
    void theLastAttemptIsFinalAndGoesToTheErrorUrl() {
        AttemptOutcome outcome = AttemptResults.outcome(BINDING, Recommendation.NOT_AVAILABLE,
                session(SessionState.COMPLETED, CloseReason.RETRIES_EXHAUSTED, 3, 3, NOW.plusSeconds(3600)), NOW);
        assertThat(outcome).isEqualTo(new AttemptOutcome(Recommendation.NOT_AVAILABLE, 0, true,
                "https://example.com/error"));
    }

    @Test
    void aLinkThatExpiredDuringTheAttemptHasNoAttemptsLeft() {
        AttemptOutcome outcome = AttemptResults.outcome(BINDING, Recommendation.REJECT,
                session(SessionState.ONGOING, null, 1, 3, NOW.minusSeconds(1)), NOW);
        assertThat(outcome).isEqualTo(new AttemptOutcome(Recommendation.REJECT, 0, true, "https://example.com/error"));
    }

    @Test
    void withoutConfiguredRedirectsAFinalResultHasNone() {
        CaptureBinding noRedirects = new CaptureBinding(BINDING.businessId(), BINDING.sessionId(), 2, null, null,
                BINDING.captureTokenHash());
        assertThat(AttemptResults.outcome(noRedirects, Recommendation.APPROVE,
                session(SessionState.COMPLETED, CloseReason.APPROVED, 1, 3, NOW.plusSeconds(3600)), NOW).redirect())
                .isNull();
    }

    @Test
    void everyEngineValueHasItsStoredValue() {
        for (var r : dev.livecheck.core.report.Recommendation.values()) {
            assertThat(AttemptResults.recommendation(r).name()).isEqualTo(r.name());
        }
        for (var a : dev.livecheck.core.report.LivenessAuth.values()) {
            assertThat(AttemptResults.livenessAuth(a).name()).isEqualTo(a.name());
        }
        for (var role : AttemptImage.Role.values()) {
            assertThat(AttemptResults.mediaRole(role).name()).isEqualTo(role.name());
        }
        assertThat(Arrays.stream(Recommendation.values()).map(Enum::name))
                .containsExactlyElementsOf(Arrays.stream(dev.livecheck.core.report.Recommendation.values())
                        .map(Enum::name).toList());
        assertThat(LivenessAuth.values()).hasSameSizeAs(dev.livecheck.core.report.LivenessAuth.values());
        assertThat(MediaRole.values()).hasSameSizeAs(AttemptImage.Role.values());
    }

    private static dev.livecheck.core.report.Recommendation core(Recommendation stored) {
        return dev.livecheck.core.report.Recommendation.valueOf(stored.name());
    }

    private static LivenessReport report(dev.livecheck.core.report.Recommendation recommendation, int frames) {
        return new LivenessReport(recommendation,
                recommendation == dev.livecheck.core.report.Recommendation.APPROVE ? null : "CHALLENGE_TIMEOUT",
                List.of(Challenge.TURN_LEFT, Challenge.LOOK_UP), List.of(), List.of(), frames, frames, 5_000, 10);
    }

    private static VerificationSession session(SessionState state, CloseReason reason, int used, int max,
                                               Instant expiresAt) {
        return new VerificationSession(BINDING.sessionId(), BINDING.businessId(), UUID.randomUUID(), "Ada",
                "ada@example.test", null, BINDING.captureTokenHash(), state, reason, null, used, max, expiresAt,
                NOW.minusSeconds(600), state == SessionState.ONGOING ? null : NOW, null, null, null, null, null, null,
                null, 1L, 0, 3, null, null);
    }
}
