package dev.livecheck.persistence.sessions;

import static dev.livecheck.persistence.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.livecheck.persistence.DatabaseTest;
import dev.livecheck.persistence.Fixtures;
import dev.livecheck.persistence.business.Business;
import dev.livecheck.persistence.profiles.CheckProfile;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * "Attempts left" has its home in {@link VerificationSession#attemptsLeft()}; {@link VerificationSessions#takeAttemptSlot}
 * repeats the rule in SQL so that two nodes cannot both take the last slot. Here the SQL is held to the Java rule: a
 * slot is taken exactly when the stored session has attempts left, and afterwards the session has one fewer, and is
 * COMPLETED exactly when it has none (or the attempt was approved).
 */
class AttemptSlotRuleTest extends DatabaseTest {
    @Autowired
    VerificationSessions sessions;
    @Autowired
    Fixtures fixtures;

    @ParameterizedTest(name = "max {0} attempts, cancelled first: {1}")
    @CsvSource({"1, false", "2, false", "3, false", "2, true"})
    void theSqlTakesASlotExactlyWhenTheJavaRuleLeavesOne(int maxRetries, boolean cancelled) {
        Business b = fixtures.business("Slots");
        CheckProfile p = fixtures.profile(b, maxRetries);
        VerificationSession s = fixtures.session(p, "Ada", "ada@example.com", null, NOW);
        if (cancelled) {
            assertThat(sessions.cancel(b.id(), s.id(), NOW)).isEqualTo(1);
        }
        for (int round = 0; round <= maxRetries; round++) {
            VerificationSession before = sessions.findByBusinessIdAndId(b.id(), s.id()).orElseThrow();
            int taken = sessions.takeAttemptSlot(b.id(), s.id(), null, Recommendation.REJECT, false, NOW);
            VerificationSession after = sessions.findByBusinessIdAndId(b.id(), s.id()).orElseThrow();

            assertThat(taken).as("round %d", round).isEqualTo(before.attemptsLeft() > 0 ? 1 : 0);
            assertThat(after.attemptsLeft()).isEqualTo(Math.max(0, before.attemptsLeft() - 1));
            assertThat(after.state() == SessionState.ONGOING).isEqualTo(after.attemptsLeft() > 0);
        }
    }

    @ParameterizedTest(name = "approved with {0} of 3 attempts left")
    @CsvSource({"3", "2", "1"})
    void anApprovedAttemptLeavesNoneWhateverTheCount(int leftBefore) {
        Business b = fixtures.business("Approved");
        VerificationSession s = fixtures.session(fixtures.profile(b, 3), "Ada", "ada@example.com", null, NOW);
        for (int i = 0; i < 3 - leftBefore; i++) {
            sessions.takeAttemptSlot(b.id(), s.id(), null, Recommendation.REJECT, false, NOW);
        }
        assertThat(sessions.findByBusinessIdAndId(b.id(), s.id()).orElseThrow().attemptsLeft()).isEqualTo(leftBefore);

        assertThat(sessions.takeAttemptSlot(b.id(), s.id(), null, Recommendation.APPROVE, true, NOW)).isEqualTo(1);
        VerificationSession after = sessions.findByBusinessIdAndId(b.id(), s.id()).orElseThrow();
        assertThat(after.attemptsLeft()).isZero();
        assertThat(after.state()).isEqualTo(SessionState.COMPLETED);
    }

    @ParameterizedTest(name = "{0} attempts left, link expired: none left at that time")
    @CsvSource({"3", "1"})
    void anExpiredLinkHasNoAttemptsLeftAtThatTime(int maxRetries) {
        Business b = fixtures.business("Expired");
        VerificationSession s = fixtures.session(fixtures.profile(b, maxRetries), "Ada", "ada@example.com", null, NOW);
        assertThat(s.attemptsLeftAt(NOW)).isEqualTo(maxRetries);
        assertThat(s.acceptsAttemptsAt(NOW)).isTrue();
        assertThat(s.attemptsLeftAt(s.expiresAt())).isZero();
        assertThat(s.acceptsAttemptsAt(s.expiresAt())).isFalse();
    }
}
