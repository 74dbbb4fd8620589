package dev.livecheck.portal.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livecheck.core.attempt.Challenge;
import dev.livecheck.core.attempt.ChallengePlanner;
import dev.livecheck.portal.capture.FixedChallengesConfiguration;
import dev.livecheck.portal.loadtest.LiveCaptureLoad.ReplayPace;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.ActiveProfiles;

/**
 * Issue 9's re-roll attacker at its luckiest, on a real port: every session is drawn TURN_LEFT then LOOK_UP, the very
 * order its recording answers (the 1 in 20 that no order can stop), and the pauses before the challenges are
 * production's ({@link ChallengePlanner}'s, drawn with SecureRandom). A person from the same clip library, who acts
 * when asked, is approved beside it. The attacker plays its recording at the pace it was recorded: straight through
 * from its start ({@link ClipLibrary.RecordedReplay}; without the pauses it is approved, LivenessEngineTest and
 * LivenessAttemptTest show the engine side, docs/capture.md the measured portal), or holding its first image until it
 * is asked ({@link ClipLibrary.HeldReplay}; before the engine refused repeated images it was approved whenever its
 * order was drawn).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:recorded-replay;DB_CLOSE_DELAY=-1")
@ActiveProfiles("test")
@Import({RecordedPaceReplayTest.AttackersOrder.class, TestBusinesses.class})
class RecordedPaceReplayTest {

    private static final List<Challenge> ORDER = LiveCaptureLoad.Config.DEFAULT_REPLAYED_ORDER;

    @LocalServerPort
    int port;
    @Autowired
    TestBusinesses tenants;

    @Test
    void aRecordingOfTheDrawnOrderPlayedAtItsOwnPaceIsNeverApprovedWhileAPersonIs() throws Exception {
        LiveCaptureClient.Result attacker = attackerBesideAnApprovedPerson("Replay", ReplayPace.RECORDED, 3, 11);

        // never asked anything else, so it never cancelled: each attempt was counted, and each failed on timing (it
        // turned before anything was asked)
        assertThat(attacker.abandons()).isZero();
        assertThat(attacker.results()).isNotEmpty().doesNotContain("APPROVE");
        assertThat(attacker.challenges()).allMatch(ORDER::contains);
    }

    @Test
    void aRecordingHeldOnItsFirstImageUntilAskedIsNeverAskedWhileAPersonIsApproved() throws Exception {
        LiveCaptureClient.Result attacker = attackerBesideAnApprovedPerson("Held", ReplayPace.HELD, 1, 12);

        // a repeated image is no live frame: the face never locks and nothing is ever asked
        assertThat(attacker.challenges()).isEmpty();
        assertThat(attacker.results()).isNotEmpty().containsOnly("NOT_AVAILABLE");
    }

    /**
     * Runs one person and one attacker replaying {@link #ORDER} at {@code pace}, each with at most {@code attempts}
     * attempts, on two sessions of a new business; asserts that the person is approved and the attacker not.
     */
    private LiveCaptureClient.Result attackerBesideAnApprovedPerson(String business, ReplayPace pace, int attempts,
            long seed) throws Exception {
        URI base = URI.create("http://localhost:" + port + "/");
        String admin = TestBusinesses.newAdmin();
        List<URI> links = tenants.linksOfNewBusiness(base, business, admin, 2);
        LiveCaptureLoad.Config config = new LiveCaptureLoad.Config(base, null, 2, admin, 1, 0, 0, attempts, 150, seed)
                .withAttackers(1).withReplayPace(pace);
        LiveCaptureLoad.Report report = LiveCaptureLoad.run(config, links);
        System.out.println(report.details() + "\n" + report.attackerSummary());

        assertThat(report.results()).singleElement()
                .satisfies(person -> assertThat(person.outcome()).as(report.details()).isEqualTo("APPROVE"));
        LiveCaptureClient.Result attacker = report.attackers().get(0);
        assertThat(attacker.approved()).as(report.details()).isFalse();
        return attacker;
    }

    /** Production's planner and pauses, except that every draw is the attacker's order. */
    @TestConfiguration(proxyBeanMethods = false)
    static class AttackersOrder {
        @Bean
        @Primary
        ChallengePlanner attackersOrderPlanner() {
            return new ChallengePlanner(new FixedChallengesConfiguration.Scripted(ORDER), true);
        }
    }
}
