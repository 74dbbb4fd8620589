package dev.livecheck.persistence.sessions;

import static dev.livecheck.persistence.Fixtures.NOW;
import static dev.livecheck.persistence.Fixtures.minutes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.livecheck.persistence.DatabaseTest;
import dev.livecheck.persistence.Fixtures;
import dev.livecheck.persistence.attempts.AttemptRecorder;
import dev.livecheck.persistence.business.Business;
import dev.livecheck.persistence.profiles.CheckProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The session's stored challenge sequence, its one-attempt lease and the abandoned-attempt cap (V5): conditional
 * UPDATEs that two nodes may race on. Committed, like a real portal node (each statement on its own).
 */
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class AttemptLeaseAndChallengesTest extends DatabaseTest {
    @Autowired
    VerificationSessions sessions;
    @Autowired
    AttemptRecorder recorder;
    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcTemplate jdbc;

    private final ExecutorService pool = Executors.newFixedThreadPool(4);

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    @Test
    void ofFourRacingDrawsOneIsStoredAndEveryoneReadsIt() throws Exception {
        Business b = fixtures.business("Draw race");
        CheckProfile profile = fixtures.profile(b);
        for (int round = 0; round < 10; round++) {
            VerificationSession s = fixtures.session(profile);
            List<Integer> stored = race(i -> sessions.storePendingChallenges(b.id(), s.id(), "DRAW_" + i));
            assertThat(stored).containsOnly(0, 1).filteredOn(n -> n == 1).hasSize(1);
            String winner = sessions.findPendingChallenges(b.id(), s.id()).orElseThrow();
            assertThat(winner).matches("DRAW_[0-3]");
            assertThat(sessions.storePendingChallenges(b.id(), s.id(), "LATER")).isZero();
            assertThat(sessions.findPendingChallenges(b.id(), s.id())).contains(winner);
        }
    }

    @Test
    void ofFourRacingLeasesOneIsClaimed() throws Exception {
        Business b = fixtures.business("Lease race");
        CheckProfile profile = fixtures.profile(b);
        for (int round = 0; round < 10; round++) {
            VerificationSession s = fixtures.session(profile);
            List<Integer> claimed = race(i -> sessions.claimAttemptLease(b.id(), s.id(), s.captureTokenHash(), "node-" + i, NOW,
                    NOW.plusSeconds(60)));
            assertThat(claimed).containsOnly(0, 1).filteredOn(n -> n == 1).hasSize(1);
        }
    }

    @Test
    void aLeaseBlocksOthersUntilReleasedOrExpired() {
        Business b = fixtures.business("Lease");
        VerificationSession s = fixtures.session(fixtures.profile(b));
        assertThat(sessions.claimAttemptLease(b.id(), s.id(), s.captureTokenHash(), "a", NOW, NOW.plusSeconds(60))).isOne();
        assertThat(sessions.claimAttemptLease(b.id(), s.id(), s.captureTokenHash(), "b", NOW.plusSeconds(59), NOW.plusSeconds(119))).isZero();
        assertThat(sessions.releaseAttemptLease(b.id(), s.id(), "b")).as("not b's lease").isZero();
        // A crashed node never releases: its lease runs out by itself.
        assertThat(sessions.claimAttemptLease(b.id(), s.id(), s.captureTokenHash(), "b", NOW.plusSeconds(60), NOW.plusSeconds(120))).isOne();
        assertThat(sessions.releaseAttemptLease(b.id(), s.id(), "b")).isOne();
        assertThat(sessions.claimAttemptLease(b.id(), s.id(), s.captureTokenHash(), "c", NOW.plusSeconds(61), NOW.plusSeconds(121))).isOne();
    }

    @Test
    void aCountedAttemptUsesUpTheSequenceAndEndsTheLease() {
        Business b = fixtures.business("Counted");
        VerificationSession s = fixtures.session(fixtures.profile(b, 3));
        sessions.claimAttemptLease(b.id(), s.id(), s.captureTokenHash(), "a", NOW, NOW.plusSeconds(60));
        sessions.storePendingChallenges(b.id(), s.id(), "TURN_LEFT,LOOK_UP");

        recorder.record(b.id(), s.id(), "a", Fixtures.attempt(Recommendation.REJECT, minutes(1)));

        assertThat(sessions.findPendingChallenges(b.id(), s.id())).isEmpty();
        assertThat(sessions.storePendingChallenges(b.id(), s.id(), "LOOK_DOWN,MOVE_CLOSER")).isOne();
        assertThat(sessions.findPendingChallenges(b.id(), s.id())).contains("LOOK_DOWN,MOVE_CLOSER");
        assertThat(sessions.claimAttemptLease(b.id(), s.id(), s.captureTokenHash(), "b", NOW, NOW.plusSeconds(60))).isOne();
    }

    @Test
    void aCountedAttemptEndsOnlyItsOwnersLease() {
        Business b = fixtures.business("Counted late");
        VerificationSession s = fixtures.session(fixtures.profile(b, 3));
        sessions.claimAttemptLease(b.id(), s.id(), s.captureTokenHash(), "a", NOW, NOW.plusSeconds(60));
        // a's lease ran out while its attempt was still being decided; another socket started meanwhile
        assertThat(sessions.claimAttemptLease(b.id(), s.id(), s.captureTokenHash(), "b", NOW.plusSeconds(61),
                NOW.plusSeconds(121))).isOne();

        recorder.record(b.id(), s.id(), "a", Fixtures.attempt(Recommendation.REJECT, NOW.plusSeconds(62)));

        assertThat(sessions.claimAttemptLease(b.id(), s.id(), s.captureTokenHash(), "c", NOW.plusSeconds(63),
                NOW.plusSeconds(123))).as("b's lease survives a's count").isZero();
        assertThat(sessions.releaseAttemptLease(b.id(), s.id(), "b")).isOne();
    }

    @Test
    void aLiveAttemptRenewsItsOwnLeaseOnly() {
        Business b = fixtures.business("Renew");
        VerificationSession s = fixtures.session(fixtures.profile(b));
        sessions.claimAttemptLease(b.id(), s.id(), s.captureTokenHash(), "a", NOW, NOW.plusSeconds(60));
        assertThat(sessions.renewAttemptLease(b.id(), s.id(), "a", NOW.plusSeconds(110))).isOne();
        assertThat(sessions.renewAttemptLease(b.id(), s.id(), "b", NOW.plusSeconds(500))).as("not b's lease").isZero();
        assertThat(sessions.claimAttemptLease(b.id(), s.id(), s.captureTokenHash(), "b", NOW.plusSeconds(61),
                NOW.plusSeconds(121))).as("renewed past the first expiry").isZero();
        assertThat(sessions.claimAttemptLease(b.id(), s.id(), s.captureTokenHash(), "b", NOW.plusSeconds(110),
                NOW.plusSeconds(170))).as("the renewal runs out too").isOne();
        assertThat(sessions.renewAttemptLease(b.id(), s.id(), "a", NOW.plusSeconds(200)))
                .as("a lost its lease to b and cannot take it back").isZero();
        assertThat(sessions.claimAttemptLease(b.id(), s.id(), s.captureTokenHash(), "c", NOW.plusSeconds(169),
                NOW.plusSeconds(229))).isZero();
    }

    @Test
    void aReplacedOrExpiredLinkClaimsNothing() {
        Business b = fixtures.business("Replaced");
        VerificationSession s = fixtures.session(fixtures.profile(b));
        String oldLink = s.captureTokenHash();
        String newLink = CaptureTokens.hash(CaptureTokens.newToken());
        assertThat(sessions.replaceCaptureToken(b.id(), s.id(), newLink, NOW.plusSeconds(3600))).isOne();

        assertThat(sessions.claimAttemptLease(b.id(), s.id(), oldLink, "a", NOW, NOW.plusSeconds(60))).isZero();
        assertThat(sessions.claimAttemptLease(b.id(), s.id(), newLink, "a", NOW.plusSeconds(3600),
                NOW.plusSeconds(3660))).as("expired").isZero();
        assertThat(sessions.claimAttemptLease(b.id(), s.id(), newLink, "a", NOW, NOW.plusSeconds(60))).isOne();
    }

    @Test
    void abandonsKeepTheSequenceAndTheCapClosesTheSessionAsRejected() {
        Business b = fixtures.business("Abandons");
        CheckProfile profile = fixtures.profiles().insert(CheckProfile.create(b.id(), "Strict", "https://example.com/ok",
                "Please verify", "Open {link}", NOW).withMaxAbandonedAttempts(2));
        VerificationSession s = fixtures.session(profile);
        assertThat(s.maxAbandonedAttempts()).isEqualTo(2);
        sessions.storePendingChallenges(b.id(), s.id(), "TURN_LEFT,LOOK_UP");
        sessions.claimAttemptLease(b.id(), s.id(), s.captureTokenHash(), "a", NOW, NOW.plusSeconds(60));

        assertThat(sessions.recordAbandonedAttempt(b.id(), s.id(), "a", 1, minutes(1))).isOne();
        VerificationSession once = sessions.findByBusinessIdAndId(b.id(), s.id()).orElseThrow();
        assertThat(once.state()).isEqualTo(SessionState.ONGOING);
        assertThat(once.abandonedAttempts()).isOne();
        assertThat(once.lastAbandonedAt()).isEqualTo(minutes(1));
        assertThat(once.lastAbandonedStep()).isOne();
        assertThat(sessions.findPendingChallenges(b.id(), s.id())).contains("TURN_LEFT,LOOK_UP");
        assertThat(sessions.claimAttemptLease(b.id(), s.id(), s.captureTokenHash(), "b", NOW, NOW.plusSeconds(60))).as("a's lease ended")
                .isOne();

        assertThat(sessions.recordAbandonedAttempt(b.id(), s.id(), "b", 2, minutes(2))).isOne();
        VerificationSession closed = sessions.findByBusinessIdAndId(b.id(), s.id()).orElseThrow();
        assertThat(closed.state()).isEqualTo(SessionState.COMPLETED);
        assertThat(closed.closeReason()).isEqualTo(CloseReason.TOO_MANY_ABANDONED);
        assertThat(closed.latestRecommendation()).isEqualTo(Recommendation.REJECT);
        assertThat(closed.completedAt()).isEqualTo(minutes(2));
        assertThat(closed.abandonedAttempts()).isEqualTo(2);
        assertThat(closed.lastAbandonedStep()).isEqualTo(2);
        assertThat(closed.attemptsLeft()).isZero();
        assertThat(sessions.recordAbandonedAttempt(b.id(), s.id(), "b", 1, minutes(3))).isZero();
        assertThat(sessions.claimAttemptLease(b.id(), s.id(), s.captureTokenHash(), "c", NOW, NOW.plusSeconds(60))).isZero();
    }

    @Test
    void racingAbandonsNeverExceedTheCap() throws Exception {
        Business b = fixtures.business("Abandon race");
        CheckProfile profile = fixtures.profiles().insert(CheckProfile.create(b.id(), "Strict", "https://example.com/ok",
                "Please verify", "Open {link}", NOW).withMaxAbandonedAttempts(3));
        for (int round = 0; round < 5; round++) {
            VerificationSession s = fixtures.session(profile);
            List<Integer> recorded = race(i -> sessions.recordAbandonedAttempt(b.id(), s.id(), "n" + i, 1, NOW));
            assertThat(recorded.stream().mapToInt(Integer::intValue).sum()).isEqualTo(3);
            VerificationSession after = sessions.findByBusinessIdAndId(b.id(), s.id()).orElseThrow();
            assertThat(after.abandonedAttempts()).isEqualTo(3);
            assertThat(after.closeReason()).isEqualTo(CloseReason.TOO_MANY_ABANDONED);
        }
    }

    @Test
    void otherBusinessesCannotTouchTheSession() {
        Business a = fixtures.business("A");
        Business b = fixtures.business("B");
        VerificationSession s = fixtures.session(fixtures.profile(b));
        assertThat(sessions.storePendingChallenges(a.id(), s.id(), "TURN_LEFT,LOOK_UP")).isZero();
        assertThat(sessions.findPendingChallenges(a.id(), s.id())).isEmpty();
        assertThat(sessions.claimAttemptLease(a.id(), s.id(), s.captureTokenHash(), "x", NOW, NOW.plusSeconds(60))).isZero();
        assertThat(sessions.recordAbandonedAttempt(a.id(), s.id(), "x", 1, NOW)).isZero();
    }

    @Test
    void theDatabaseRefusesALimitOutsideTheRangeAndAnUnknownCloseReason() {
        Business b = fixtures.business("Checks");
        VerificationSession s = fixtures.session(fixtures.profile(b));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.update(
                        "UPDATE verification_session SET max_abandoned_attempts = ? WHERE id = ?",
                        CheckProfile.MAX_MAX_ABANDONED_ATTEMPTS + 1, s.id()))
                .isInstanceOf(DataIntegrityViolationException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.update(
                        "UPDATE check_profile SET max_abandoned_attempts = 0 WHERE id = ?", s.profileId()))
                .isInstanceOf(DataIntegrityViolationException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.update(
                        "UPDATE verification_session SET close_reason = 'BORED' WHERE id = ?", s.id()))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    private interface Call {
        int run(int i);
    }

    /** Four threads released at once. */
    private List<Integer> race(Call call) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            int n = i;
            calls.add(() -> {
                go.await();
                return call.run(n);
            });
        }
        List<Future<Integer>> futures = new ArrayList<>();
        for (Callable<Integer> c : calls) {
            futures.add(pool.submit(c));
        }
        go.countDown();
        List<Integer> results = new ArrayList<>();
        for (Future<Integer> f : futures) {
            results.add(f.get(60, TimeUnit.SECONDS));
        }
        return results;
    }
}
