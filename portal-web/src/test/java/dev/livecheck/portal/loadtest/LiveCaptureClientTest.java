package dev.livecheck.portal.loadtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.livecheck.core.attempt.Challenge;
import dev.livecheck.persistence.profiles.CheckProfile;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * Two live users against the portal on a real port with the production challenge planner (random challenges, no
 * test planner imported): sessions created over HTTP as an admin would, each user answering whatever it is asked,
 * both approved (within the profile's three attempts).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:live-load;DB_CLOSE_DELAY=-1")
@ActiveProfiles("test")
@Import(TestBusinesses.class)
class LiveCaptureClientTest {

    @LocalServerPort
    int port;
    @Autowired
    TestBusinesses tenants;

    private List<URI> linksOfNewBusiness(String name, String admin, int count) {
        return tenants.linksOfNewBusiness(base(), name, admin, count);
    }

    private URI base() {
        return URI.create("http://localhost:" + port + "/");
    }

    @Test
    void twoLiveUsersAnswerRandomChallengesAndAreApproved() throws Exception {
        String admin = TestBusinesses.newAdmin();
        List<URI> links = linksOfNewBusiness("Live load", admin, 2);
        URI base = base();

        // up to 3 attempts, as a person would retry: on a machine shared with other builds the client (same JVM,
        // same cores) can fall short of frames and a first attempt be refused for it (see docs/performance.md)
        LiveCaptureLoad.Config config = new LiveCaptureLoad.Config(base, null, 2, admin, 2, 1, 0, 3, 120, 3);
        LiveCaptureLoad.Report report = LiveCaptureLoad.run(config, links);
        System.out.println(LiveCaptureLoad.Report.HEADER + "\n" + report.row() + "\n" + report.details());

        assertThat(report.results()).allSatisfy(user -> {
            assertThat(user.outcome()).as(report.details()).isEqualTo("APPROVE");
            assertThat(user.challenges()).hasSizeGreaterThanOrEqualTo(2);
            // frames due over the attempt; on a busy machine the client renders late and skips some (not the server)
            assertThat(user.framesSent() + user.framesSkipped()).isGreaterThan(30);
            assertThat(user.framesSent()).isGreaterThanOrEqualTo(10);
            assertThat(user.replyLatencyNanos()).isNotEmpty();
        });
    }

    /**
     * Issue 9's re-roll attack through the load tool: an attacker replaying TURN_LEFT then LOOK_UP cancels whenever it
     * is asked anything else. The server keeps the session's sequence across cancels, so every attempt opens with the
     * same challenge, and the fifth cancel closes the session as REJECT. Only when that one draw is the attacker's own
     * order (1 in 20 for two challenges of five) may it pass, and then at its first try.
     */
    @Test
    void anAttackerCancellingUntilItsOrderComesIsAskedTheSameAndClosed() throws Exception {
        String admin = TestBusinesses.newAdmin();
        List<URI> links = linksOfNewBusiness("Replay attack", admin, 1);

        LiveCaptureLoad.Config config = new LiveCaptureLoad.Config(base(), null, 1, admin, 0, 0, 0, 1, 120, 5)
                .withAttackers(1);
        LiveCaptureLoad.Report report = LiveCaptureLoad.run(config, links);
        System.out.println(report.details() + "\n" + report.attackerSummary());

        assertThat(report.results()).isEmpty();
        LiveCaptureClient.Result attacker = report.attackers().get(0);
        assertThat(attacker.firstChallenges()).as(report.details()).isNotEmpty()
                .containsOnly(attacker.firstChallenges().get(0));
        if (attacker.approved()) {
            assertThat(attacker.challenges()).isEqualTo(LiveCaptureLoad.Config.DEFAULT_REPLAYED_ORDER);
            assertThat(attacker.abandons()).isZero();
        } else if (attacker.abandons() == CheckProfile.DEFAULT_MAX_ABANDONED_ATTEMPTS) {
            assertThat(attacker.outcome()).as(report.details()).isEqualTo("REJECT"); // closed by the cap
            assertThat(attacker.firstChallenges()).hasSize(CheckProfile.DEFAULT_MAX_ABANDONED_ATTEMPTS);
        } else { // it answered its first step and the engine refused the move: a counted REJECT, not a re-draw
            assertThat(attacker.outcome()).as(report.details()).isEqualTo("REJECT");
            assertThat(attacker.firstChallenges().get(0)).isEqualTo(Challenge.TURN_LEFT);
        }
    }

    @Test
    void refusesEveryTargetButThisMachine() {
        assertThatThrownBy(() -> LiveCaptureLoad.requireLoopback(URI.create("http://192.0.2.10:8080/c/x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a loopback address");
        assertThatThrownBy(() -> LiveCaptureLoad.Config.parse(new String[] {"http://10.0.0.1:8080", "--create", "1",
            "--admin", "a@b.test"})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LiveCaptureLoad.Config.parse(new String[] {"http://localhost:8080", "--create", "1",
            "--admin", "a@b.test", "--replay-pace", "sideways"})).hasMessageContaining("asked|recorded|held");
        assertThatThrownBy(() -> LiveCaptureLoad.Config.parse(new String[] {"http://localhost:8080", "--create", "1",
            "--admin", "a@b.test", "--replay-pace", "recorded", "--render", "live"}))
                .hasMessageContaining("needs --render library");
        assertThatThrownBy(() -> LiveCaptureLoad.Config.parse(new String[] {"http://localhost:8080", "--create", "1",
            "--admin", "a@b.test", "--replay-pace", "held", "--render", "live"}))
                .hasMessageContaining("held needs --render library");
        LiveCaptureLoad.requireLoopback(URI.create("http://127.0.0.1:8080/"));
        LiveCaptureLoad.requireLoopback(URI.create("http://localhost:8080/"));
    }
}
