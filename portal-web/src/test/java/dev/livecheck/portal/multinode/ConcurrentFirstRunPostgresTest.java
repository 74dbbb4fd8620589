package dev.livecheck.portal.multinode;

import static dev.livecheck.portal.multinode.Browser.location;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * First run with two nodes: setup must happen once even when both nodes are asked at the same moment, and a node that
 * bootstraps after another one did must start cleanly without creating anything. Each test has its own empty schema.
 */
@Tag("postgres")
class ConcurrentFirstRunPostgresTest {
    private static final String PASSWORD = "correct horse battery";

    @Test
    void setupSubmittedToBothNodesAtOnceCreatesOneBusiness() throws Exception {
        String linkKey = PortalNode.randomLinkKey();
        try (PostgresSchema schema = new PostgresSchema();
             PortalNode a = PortalNode.start("node-a", schema, linkKey, List.of());
             PortalNode b = PortalNode.start("node-b", schema, linkKey, List.of())) {
            Browser onA = new Browser();
            Browser onB = new Browser();
            HttpRequest setupA = onA.postRequest(a, "/setup", setupForm(a, "Acme A", "anna@a.test"), onA.csrfFrom(a, "/setup"));
            HttpRequest setupB = onB.postRequest(b, "/setup", setupForm(b, "Acme B", "ben@b.test"), onB.csrfFrom(b, "/setup"));

            CompletableFuture<HttpResponse<String>> postA = onA.sendAsync(setupA);
            CompletableFuture<HttpResponse<String>> postB = onB.sendAsync(setupB);
            HttpResponse<String> responseA = postA.get(30, TimeUnit.SECONDS);
            HttpResponse<String> responseB = postB.get(30, TimeUnit.SECONDS);

            JdbcClient db = JdbcClient.create(a.context().getBean(DataSource.class));
            assertThat(db.sql("SELECT COUNT(*) FROM business").query(Long.class).single()).isOne();
            assertThat(db.sql("SELECT COUNT(*) FROM portal_user").query(Long.class).single()).isOne();
            String name = db.sql("SELECT name FROM business").query(String.class).single();
            boolean aWon = name.equals("Acme A");
            HttpResponse<String> winner = aWon ? responseA : responseB;
            HttpResponse<String> loser = aWon ? responseB : responseA;
            assertThat(winner.statusCode()).isEqualTo(302);
            assertThat(location(winner)).endsWith("/login?setup");
            assertThat(loser.statusCode()).as("the other node's setup: already done").isEqualTo(404);

            for (PortalNode node : List.of(a, b)) {
                assertThat(new Browser().get(node, "/setup").statusCode()).isEqualTo(404);
                assertThat(new Browser().signIn(node, aWon ? "anna@a.test" : "ben@b.test", PASSWORD))
                        .doesNotContain("error");
            }
        }
    }

    @Test
    void aSecondNodeWithTheSameBootstrapSettingsStartsCleanlyAndCreatesNothing() {
        String linkKey = PortalNode.randomLinkKey();
        List<String> bootstrap = List.of("--livecheck.bootstrap.business-name=Acme Boot",
                "--livecheck.bootstrap.owner-email=owner@boot.test", "--livecheck.bootstrap.owner-password=" + PASSWORD);
        try (PostgresSchema schema = new PostgresSchema();
             PortalNode a = PortalNode.start("node-a", schema, linkKey, bootstrap);
             PortalNode b = PortalNode.start("node-b", schema, linkKey, bootstrap)) {
            JdbcClient db = JdbcClient.create(b.context().getBean(DataSource.class));
            assertThat(db.sql("SELECT COUNT(*) FROM business").query(Long.class).single()).isOne();
            assertThat(db.sql("SELECT COUNT(*) FROM portal_user").query(Long.class).single()).isOne();
            assertThat(db.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'BUSINESS_CREATED'")
                    .query(Long.class).single()).isOne();
            for (PortalNode node : List.of(a, b)) {
                assertThat(new Browser().signIn(node, "owner@boot.test", PASSWORD)).doesNotContain("error");
            }
        }
    }

    private static Map<String, String> setupForm(PortalNode node, String business, String email) {
        return Map.of("setupCode", node.setupCode(), "businessName", business, "ownerName", "Owner", "email", email,
                "password", PASSWORD, "passwordRepeat", PASSWORD);
    }
}
