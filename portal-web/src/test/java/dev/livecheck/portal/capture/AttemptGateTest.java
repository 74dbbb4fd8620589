package dev.livecheck.portal.capture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livecheck.core.attempt.Challenge;
import dev.livecheck.core.report.AttemptImage;
import dev.livecheck.core.report.LivenessReport;
import dev.livecheck.core.report.Recommendation;
import dev.livecheck.persistence.audit.AuditAction;
import dev.livecheck.persistence.audit.AuditEvent;
import dev.livecheck.persistence.audit.AuditLog;
import dev.livecheck.persistence.sessions.CaptureTokens;
import dev.livecheck.persistence.sessions.CloseReason;
import dev.livecheck.persistence.sessions.SessionState;
import dev.livecheck.persistence.sessions.VerificationSession;
import dev.livecheck.persistence.sessions.VerificationSessions;
import dev.livecheck.portal.TestData;
import dev.livecheck.portal.TestData.ApiTenant;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.data.domain.Pageable;
import org.springframework.test.context.ActiveProfiles;

/**
 * What a capture connection asks the session row, without a socket: claiming the one attempt (lease), releasing it,
 * counting abandons up to TOO_MANY_ABANDONED, renewing a live attempt's lease, and the link check folded into the
 * claim. Real H2; the same configuration as {@link AttemptStoredNotificationsTest}, so the context is shared.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:notifications-tests;DB_CLOSE_DELAY=-1",
        "livecheck.notifications.allow-private-networks=true",
        "livecheck.notifications.enabled=false",
        "livecheck.lifecycle.initial-delay=P1D"})
@AutoConfigureMockMvc
@ActiveProfiles("test")
class AttemptGateTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    AttemptGate gate;
    @Autowired
    AttemptResults results;
    @Autowired
    VerificationSessions sessions;
    @Autowired
    AuditLog audit;

    ApiTenant tenant;

    @BeforeEach
    void setUp() {
        tenant = new TestData(context).apiTenant("Gate", Instant.now());
    }

    @Test
    void oneOwnerAtATimeAndTheSameSequenceUntilAnAttemptIsCounted() {
        CaptureBinding binding = binding(session(3, 3, Duration.ofHours(1)));

        AttemptGate.Start first = gate.begin(binding, "socket:a");
        assertThat(first.outcome()).isEqualTo(AttemptGate.Start.Outcome.STARTED);
        assertThat(first.challenges()).hasSize(binding.challengeCount());
        assertThat(gate.begin(binding, "socket:b").outcome()).as("a second tab or node")
                .isEqualTo(AttemptGate.Start.Outcome.IN_PROGRESS);

        gate.release(binding, "socket:b"); // not b's lease: nothing happens
        assertThat(gate.begin(binding, "socket:b").outcome()).isEqualTo(AttemptGate.Start.Outcome.IN_PROGRESS);

        gate.release(binding, "socket:a"); // cancelled before a challenge
        AttemptGate.Start resumed = gate.begin(binding, "socket:b");
        assertThat(resumed.outcome()).isEqualTo(AttemptGate.Start.Outcome.STARTED);
        assertThat(resumed.challenges()).as("cancelling cannot re-roll the challenges")
                .isEqualTo(first.challenges());

        results.store(binding, "socket:b", report(), Instant.now().minusSeconds(5));
        assertThat(sessions.findPendingChallenges(binding.businessId(), binding.sessionId()))
                .as("a counted attempt uses its sequence up").isEmpty();
        AttemptGate.Start next = gate.begin(binding, "socket:c");
        assertThat(next.outcome()).as("the counted attempt ended b's lease")
                .isEqualTo(AttemptGate.Start.Outcome.STARTED);
        assertThat(sessions.findPendingChallenges(binding.businessId(), binding.sessionId()))
                .contains(ChallengeSequences.encode(next.challenges()));
    }

    @Test
    void abandonsAfterAChallengeAreCountedAndTheCapClosesTheSessionAsRejected() {
        CaptureBinding binding = binding(session(3, 2, Duration.ofHours(1)));
        List<Challenge> asked = gate.begin(binding, "socket:a").challenges();

        assertThat(gate.abandoned(binding, "socket:a", 1, 2)).as("one of two abandons: still open").isFalse();
        VerificationSession once = reload(binding);
        assertThat(once.abandonedAttempts()).isOne();
        assertThat(once.state()).isEqualTo(SessionState.ONGOING);
        assertThat(once.attemptsUsed()).as("an abandon is not an attempt").isZero();

        AttemptGate.Start again = gate.begin(binding, "socket:b");
        assertThat(again.outcome()).as("the abandon ended a's lease").isEqualTo(AttemptGate.Start.Outcome.STARTED);
        assertThat(again.challenges()).as("resumed from its first step").isEqualTo(asked);

        assertThat(gate.abandoned(binding, "socket:b", 2, 2)).as("the second closes the session").isTrue();
        VerificationSession closed = reload(binding);
        assertThat(closed.state()).isEqualTo(SessionState.COMPLETED);
        assertThat(closed.closeReason()).isEqualTo(CloseReason.TOO_MANY_ABANDONED);
        assertThat(closed.latestRecommendation())
                .isEqualTo(dev.livecheck.persistence.sessions.Recommendation.REJECT);
        assertThat(audit.findByBusinessIdAndTargetIdOrderByOccurredAtAscIdAsc(binding.businessId(),
                binding.sessionId().toString(), Pageable.unpaged()))
                .filteredOn(e -> e.action().equals(AuditAction.ATTEMPT_ABANDONED.name())).hasSize(2)
                .last().extracting(AuditEvent::details).asString().contains("TOO_MANY_ABANDONED");
        assertThat(gate.begin(binding, "socket:c").outcome()).isEqualTo(AttemptGate.Start.Outcome.CLOSED);
        assertThat(gate.abandoned(binding, "socket:c", 1, 2)).as("already closed").isTrue();
    }

    @Test
    void aLinkReplacedByAResendOrExpiredStartsNothing() {
        VerificationSession s = session(3, 3, Duration.ofHours(1));
        CaptureBinding oldLink = binding(s);
        String newHash = CaptureTokens.hash(CaptureTokens.newToken());
        sessions.replaceCaptureToken(s.businessId(), s.id(), newHash, Instant.now().plus(Duration.ofHours(1)));

        assertThat(gate.begin(oldLink, "socket:a").outcome()).isEqualTo(AttemptGate.Start.Outcome.CLOSED);
        CaptureBinding newLink = new CaptureBinding(s.businessId(), s.id(), 2, null, null, newHash);
        assertThat(gate.begin(newLink, "socket:b").outcome()).isEqualTo(AttemptGate.Start.Outcome.STARTED);
        assertThat(gate.begin(oldLink, "socket:a").outcome()).as("closed for the old link, not in progress")
                .isEqualTo(AttemptGate.Start.Outcome.CLOSED);

        CaptureBinding expired = binding(session(3, 3, Duration.ofSeconds(-1)));
        assertThat(gate.begin(expired, "socket:c").outcome()).isEqualTo(AttemptGate.Start.Outcome.CLOSED);
    }

    @Test
    void aLiveAttemptRenewsItsOwnLeaseOnly() {
        CaptureBinding binding = binding(session(3, 3, Duration.ofHours(1)));
        gate.begin(binding, "socket:a");
        assertThat(gate.renew(binding, "socket:a")).isTrue();
        assertThat(gate.renew(binding, "socket:b")).isFalse();
        gate.release(binding, "socket:a");
        assertThat(gate.renew(binding, "socket:a")).as("released: nothing left to renew").isFalse();
    }

    private VerificationSession session(int maxAttempts, int maxAbandoned, Duration ttl) {
        Instant now = Instant.now();
        return sessions.insert(VerificationSession.openForApi(tenant.profile(), tenant.application().id(), maxAttempts,
                maxAbandoned, "user-" + UUID.randomUUID(), CaptureTokens.hash(CaptureTokens.newToken()),
                now.plus(ttl), now.minusSeconds(60)));
    }

    private static CaptureBinding binding(VerificationSession s) {
        return new CaptureBinding(s.businessId(), s.id(), 2, null, null, s.captureTokenHash());
    }

    private VerificationSession reload(CaptureBinding binding) {
        return sessions.findByBusinessIdAndId(binding.businessId(), binding.sessionId()).orElseThrow();
    }

    private static LivenessReport report() {
        try {
            byte[] jpeg = CaptureSocketTestSupport.greyJpeg();
            return new LivenessReport(Recommendation.REJECT, "CHALLENGE_TIMEOUT",
                    List.of(Challenge.TURN_LEFT, Challenge.LOOK_UP), List.of(),
                    List.of(new AttemptImage(AttemptImage.Role.FRONTAL_START, 0, jpeg),
                            new AttemptImage(AttemptImage.Role.CHALLENGE, 2500, jpeg),
                            new AttemptImage(AttemptImage.Role.FRONTAL_END, 5300, jpeg)),
                    90, 88, 5400, 120);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
