package dev.livecheck.portal.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livecheck.core.attempt.Challenge;
import dev.livecheck.core.attempt.ChallengePlanner;
import dev.livecheck.portal.capture.FixedChallengesConfiguration;
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
 * production's (0.8-1.4 s of frontal face before the first, 0.5-1 s before the second, drawn with SecureRandom). The attacker plays its recording straight through at
 * the pace it was recorded ({@link ClipLibrary.RecordedReplay}); a person from the same clip library, who acts when
 * asked, is approved beside it. Without the pauses the same recording is approved (LivenessEngineTest and
 * LivenessAttemptTest show the engine side; docs/capture.md the measured portal).
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
        URI base = URI.create("http://localhost:" + port + "/");
        String admin = TestBusinesses.newAdmin();
        List<URI> links = tenants.linksOfNewBusiness(base, "Replay", admin, 2);

        LiveCaptureLoad.Config config = new LiveCaptureLoad.Config(base, null, 2, admin, 1, 0, 0, 3, 150, 11)
                .withAttackers(1).withRecordedPace();
        LiveCaptureLoad.Report report = LiveCaptureLoad.run(config, links);
        System.out.println(report.details() + "\n" + report.attackerSummary());

        assertThat(report.results()).singleElement()
                .satisfies(person -> assertThat(person.outcome()).as(report.details()).isEqualTo("APPROVE"));
        LiveCaptureClient.Result attacker = report.attackers().get(0);
        assertThat(attacker.approved()).as(report.details()).isFalse();
        // never asked anything else, so it never cancelled: each attempt was counted, and each failed on timing (it
        // turned before anything was asked)
        assertThat(attacker.abandons()).isZero();
        assertThat(attacker.results()).isNotEmpty().doesNotContain("APPROVE");
        assertThat(attacker.challenges()).allMatch(ORDER::contains);
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
