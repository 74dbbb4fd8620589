package dev.livecheck.portal.multinode;

import static dev.livecheck.portal.multinode.Browser.location;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.livecheck.persistence.users.PortalUser;
import dev.livecheck.persistence.users.PortalUsers;
import dev.livecheck.persistence.users.Role;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Two portal instances on one PostgreSQL schema, side by side, driven over real HTTP. Nothing a user does may depend
 * on which node serves the request: setup, sign-in sessions (Spring Session JDBC), CSRF tokens and flash attributes,
 * data, the outbox sender, the final decision and the login lockout all live in the database. (The live capture
 * WebSocket of an attempt is the one thing bound to a node, and is not covered here.)
 *
 * <p>Tagged {@code postgres}: only {@code ./mvnw -pl portal-web -am verify -Ppostgres} runs it. The methods build on
 * each other (setup first), hence the order.
 */
@Tag("postgres")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodesPostgresTest {
    private static final Logger log = LoggerFactory.getLogger(TwoNodesPostgresTest.class);

    private static final String OWNER_EMAIL = "olivia@acme.test";
    private static final String OWNER_NAME = "Olivia Owner";
    private static final String PASSWORD = "correct horse battery";
    private static final Pattern UUID_IN_PATH = Pattern.compile("/sessions/([0-9a-f-]{36})/created");
    private static final Pattern PROFILE_ID = Pattern.compile("/profiles/([0-9a-f-]{36})/edit");
    private static final Pattern CAPTURE_LINK = Pattern.compile("http://localhost:8080/c/([A-Za-z0-9_-]{43})");
    private static final String RECORDED = "Your decision has been recorded.";
    private static final String ALREADY_RECORDED = "A final decision had already been recorded for this session";
    private static final Duration WAIT = Duration.ofSeconds(30);

    private PostgresSchema schema;
    private GreenMail smtp;
    private PortalNode a;
    private PortalNode b;
    private JdbcClient db;
    private long migrationsAfterA;
    private long migrationsAfterB;

    /** The owner's browser; signed in on node A by {@link #aSignInOnNodeAIsValidOnNodeB()}. */
    private final Browser owner = new Browser();
    private String profileId;
    private final List<String> recipients = new ArrayList<>();

    @BeforeAll
    void startTwoNodes() {
        schema = new PostgresSchema();
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        String linkKey = Base64.getEncoder().encodeToString(key);
        int smtpPort = smtp.getSmtp().getPort();
        log.info("Schema {}, SMTP port {}", schema.name(), smtpPort);

        // One after the other, as a rolling deployment would: A migrates the empty schema, B finds it migrated.
        a = PortalNode.start("node-a", schema, linkKey, smtpPort);
        db = JdbcClient.create(a.context().getBean(javax.sql.DataSource.class));
        migrationsAfterA = appliedMigrations();
        b = PortalNode.start("node-b", schema, linkKey, smtpPort);
        migrationsAfterB = appliedMigrations();
        log.info("Started {} and {}", a, b);
    }

    @AfterAll
    void stopTwoNodes() {
        // The SMTP server, then B and A (closed in reverse order), then the schema they used is dropped.
        try (PostgresSchema dropLast = schema; PortalNode closeSecond = a; PortalNode closeFirst = b) {
            if (smtp != null) {
                smtp.stop();
            }
        }
    }

    @Test
    @Order(0)
    void flywayMigratedOnceAndTheSecondNodeStartedOnTheMigratedSchema() {
        assertThat(migrationsAfterA).isPositive();
        assertThat(migrationsAfterB).isEqualTo(migrationsAfterA);
        assertThat(db.sql("SELECT COUNT(*) FROM flyway_schema_history WHERE NOT success").query(Long.class).single())
                .isZero();
        assertThat(db.sql("SELECT COUNT(DISTINCT version) FROM flyway_schema_history WHERE version IS NOT NULL")
                .query(Long.class).single()).isEqualTo(migrationsAfterA);
        assertThat(new Browser().get(a, "/actuator/health").statusCode()).isEqualTo(200);
        assertThat(new Browser().get(b, "/actuator/health").statusCode()).isEqualTo(200);
    }

    @Test
    @Order(1)
    void firstRunSetupOnNodeAClosesSetupOnNodeB() {
        Browser visitor = new Browser();
        assertThat(location(visitor.get(b, "/dashboard"))).as("B before setup").endsWith("/setup");

        Browser installer = new Browser();
        HttpResponse<String> created = installer.submit(a, "/setup", "/setup", Map.of("setupCode", a.setupCode(),
                "businessName", "Acme Multinode", "ownerName", OWNER_NAME, "email", OWNER_EMAIL,
                "password", PASSWORD, "passwordRepeat", PASSWORD));
        assertThat(created.statusCode()).isEqualTo(302);
        assertThat(location(created)).endsWith("/login?setup");

        assertThat(visitor.get(b, "/setup").statusCode()).as("setup page on B afterwards").isEqualTo(404);
        assertThat(visitor.get(b, "/login").statusCode()).isEqualTo(200);
        assertThat(location(visitor.get(b, "/dashboard"))).endsWith("/login");
        assertThat(db.sql("SELECT COUNT(*) FROM business").query(Long.class).single()).isOne();
    }

    @Test
    @Order(2)
    void aSignInOnNodeAIsValidOnNodeB() {
        assertThat(owner.signIn(a, OWNER_EMAIL, PASSWORD)).doesNotContain("error");
        String cookie = owner.sessionCookie().orElseThrow();

        // Exactly that cookie, and nothing else, presented to B: B finds the session in the database.
        HttpResponse<String> onB = Browser.withSessionCookie(b, cookie).get(b, "/dashboard");
        assertThat(onB.statusCode()).isEqualTo(200);
        assertThat(onB.body()).contains(OWNER_NAME);
        // Without it B asks for a sign-in, so it was the cookie.
        assertThat(location(new Browser().get(b, "/dashboard"))).endsWith("/login");

        // The owner's browser (one cookie jar, as behind a load balancer) is signed in on both nodes.
        assertThat(owner.get(a, "/dashboard").statusCode()).isEqualTo(200);
        assertThat(owner.get(b, "/dashboard").statusCode()).isEqualTo(200);
    }

    @Test
    @Order(3)
    void aProfileAndASessionCreatedOnNodeBAreVisibleOnNodeA() {
        HttpResponse<String> profile = owner.submit(b, "/profiles/new", "/profiles", profileForm("KYC via node B"));
        assertThat(profile.statusCode()).isEqualTo(302);
        assertThat(location(profile)).endsWith("/profiles");

        String profiles = owner.get(a, "/profiles").body();
        assertThat(profiles).contains("KYC via node B");
        Matcher id = PROFILE_ID.matcher(profiles);
        assertThat(id.find()).isTrue();
        profileId = id.group(1);

        // The form comes from A, the post goes to B: the CSRF token lives in the shared session.
        String recipient = "rita-" + UUID.randomUUID() + "@example.test";
        HttpResponse<String> session = owner.submit(a, "/sessions/new", b, "/sessions", sessionForm("Rita Remote", recipient));
        assertThat(session.statusCode()).isEqualTo(302);
        recipients.add(recipient);
        Matcher created = UUID_IN_PATH.matcher(location(session));
        assertThat(created.find()).as("redirect %s", location(session)).isTrue();
        String sessionId = created.group(1);

        // B put the (sealed) link into a flash attribute; A shows it, because the flash map is in the shared session
        // and both nodes hold the same link key.
        HttpResponse<String> createdPage = owner.get(a, "/sessions/" + sessionId + "/created");
        assertThat(createdPage.statusCode()).isEqualTo(200);
        Matcher link = CAPTURE_LINK.matcher(createdPage.body());
        assertThat(link.find()).as("capture link on A's created page").isTrue();
        assertThat(owner.get(b, "/sessions/" + sessionId + "/created").body()).as("shown once")
                .doesNotContain(link.group());

        assertThat(owner.get(a, "/sessions").body()).contains("Rita Remote");
        HttpResponse<String> detail = owner.get(a, "/sessions/" + sessionId);
        assertThat(detail.statusCode()).isEqualTo(200);
        assertThat(detail.body()).contains(recipient);
        // The capture link opens on either node.
        for (var node : List.of(a, b)) {
            Browser recipientsBrowser = new Browser();
            HttpResponse<String> opened = recipientsBrowser.get(node, "/c/" + link.group(1));
            assertThat(opened.statusCode()).as("303 to the token-free page").isEqualTo(303);
            assertThat(recipientsBrowser.get(node, java.net.URI.create(location(opened)).getPath()).statusCode())
                    .isEqualTo(200);
        }
    }

    @Test
    @Order(4)
    void eachOutboxEmailIsSentByExactlyOneNode() throws MessagingException {
        // Ten more sessions, created alternately through A and B; both senders poll every 50 ms.
        for (int i = 0; i < 10; i++) {
            PortalNode node = i % 2 == 0 ? a : b;
            String recipient = "mail-" + i + "-" + UUID.randomUUID() + "@example.test";
            HttpResponse<String> response = owner.submit(node, "/sessions/new", "/sessions",
                    sessionForm("Recipient " + i, recipient));
            assertThat(response.statusCode()).isEqualTo(302);
            recipients.add(recipient);
        }
        int expected = recipients.size();

        await().atMost(WAIT).untilAsserted(() -> assertThat(countOutbox("SENT")).as("SENT rows").isEqualTo(expected));
        // All marked SENT; the count must also hold for a while, so no late second copy arrives.
        await().during(Duration.ofSeconds(1)).atMost(WAIT).untilAsserted(() ->
                assertThat(smtp.getReceivedMessages()).as("e-mails received").hasSize(expected));

        MimeMessage[] messages = smtp.getReceivedMessages();
        Map<String, Long> perRecipient = Arrays.stream(messages).map(TwoNodesPostgresTest::recipientOf)
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(perRecipient).hasSize(expected).containsOnlyKeys(recipients).allSatisfy((to, n) ->
                assertThat(n).as("e-mails to %s", to).isOne());
        Map<String, Long> perNode = new LinkedHashMap<>();
        for (MimeMessage message : messages) {
            perNode.merge(message.getFrom()[0].toString(), 1L, Long::sum);
        }
        assertThat(perNode.keySet()).isSubsetOf(a.sender(), b.sender());
        log.info("{} e-mails, each sent once; sent per node: {}", expected, perNode);
        assertThat(db.sql("SELECT COUNT(*) FROM email_outbox WHERE attempt_count <> 1 OR claimed_by IS NOT NULL")
                .query(Long.class).single()).as("rows sent more than once or still claimed").isZero();
    }

    @Test
    @Order(5)
    void aFinalDecisionPostedConcurrentlyThroughBothNodesIsRecordedOnce() throws Exception {
        Browser second = new Browser();
        assertThat(second.signIn(b, OWNER_EMAIL, PASSWORD)).doesNotContain("error");

        for (int round = 0; round < 5; round++) {
            String sessionId = createSession(a, "Decision " + round);
            String report = "/sessions/" + sessionId + "/report";
            String action = "/sessions/" + sessionId + "/decision";
            var fromA = owner.postRequest(a, action, Map.of("decision", "APPROVED", "note", "via A"),
                    owner.csrfFrom(a, report));
            var fromB = second.postRequest(b, action, Map.of("decision", "REJECTED", "note", "via B"),
                    second.csrfFrom(b, report));

            CompletableFuture<HttpResponse<String>> postA = owner.sendAsync(fromA);
            CompletableFuture<HttpResponse<String>> postB = second.sendAsync(fromB);
            for (HttpResponse<String> response : List.of(postA.get(30, TimeUnit.SECONDS), postB.get(30, TimeUnit.SECONDS))) {
                assertThat(response.statusCode()).isEqualTo(302);
                assertThat(location(response)).endsWith(report);
            }

            String pageA = owner.get(a, report).body();
            String pageB = second.get(b, report).body();
            boolean aWon = pageA.contains(RECORDED);
            boolean bWon = pageB.contains(RECORDED);
            assertThat(aWon ^ bWon).as("round %d: exactly one node recorded the decision", round).isTrue();
            assertThat(aWon ? pageB : pageA).contains(ALREADY_RECORDED);

            assertThat(db.sql("SELECT final_decision FROM verification_session WHERE id = ?")
                    .param(UUID.fromString(sessionId)).query(String.class).single())
                    .isEqualTo(aWon ? "APPROVED" : "REJECTED");
            assertThat(db.sql("SELECT decision_note FROM verification_session WHERE id = ?")
                    .param(UUID.fromString(sessionId)).query(String.class).single())
                    .isEqualTo(aWon ? "via A" : "via B");
            assertThat(auditCount("FINAL_DECISION_RECORDED", sessionId)).isOne();
            log.info("Decision round {}: {} won", round, aWon ? a : b);
        }
    }

    @Test
    @Order(6)
    void failedSignInsOnBothNodesAddUpToOneThrottle() {
        String email = "lucy@acme.test";
        UUID businessId = db.sql("SELECT id FROM business").query(UUID.class).single();
        PasswordEncoder encoder = a.context().getBean(PasswordEncoder.class);
        PortalUser lucy = a.context().getBean(PortalUsers.class).insert(PortalUser.create(businessId, email,
                "Lucy Throttle", encoder.encode(PASSWORD), Role.REVIEWER, Instant.now()));
        assertThat(new Browser().signIn(b, email, PASSWORD)).as("her password works").doesNotContain("error");

        Browser attacker = new Browser();
        for (PortalNode node : List.of(a, b, a)) {
            assertThat(attacker.signIn(node, email, "wrong password " + node.name())).endsWith("/login?error");
        }
        assertThat(auditCount("LOGIN_THROTTLED", lucy.id().toString())).as("three are free").isZero();

        assertThat(attacker.signIn(b, email, "wrong password again")).endsWith("/login?error");
        // the count lives in the database: both nodes now make the next try wait, whichever node counted
        assertThat(auditCount("LOGIN_THROTTLED", lucy.id().toString())).isPositive();
        assertThat(new Browser().signIn(a, email, PASSWORD)).contains("/login?error=throttled");
        assertThat(new Browser().signIn(b, email, PASSWORD)).contains("/login?error=throttled");
    }

    @Test
    @Order(7)
    void signingOutOnNodeBEndsTheSessionOnNodeA() {
        String cookie = owner.sessionCookie().orElseThrow();
        HttpResponse<String> out = owner.submit(b, "/dashboard", "/logout", Map.of());
        assertThat(out.statusCode()).isEqualTo(302);
        assertThat(location(out)).endsWith("/login?logout");
        assertThat(location(Browser.withSessionCookie(a, cookie).get(a, "/dashboard"))).endsWith("/login");
        assertThat(location(owner.get(a, "/dashboard"))).endsWith("/login");
    }

    private String createSession(PortalNode node, String name) {
        String recipient = "decision-" + UUID.randomUUID() + "@example.test";
        HttpResponse<String> response = owner.submit(node, "/sessions/new", "/sessions", sessionForm(name, recipient));
        assertThat(response.statusCode()).isEqualTo(302);
        recipients.add(recipient);
        Matcher created = UUID_IN_PATH.matcher(location(response));
        assertThat(created.find()).as("redirect %s", location(response)).isTrue();
        return created.group(1);
    }

    private Map<String, String> sessionForm(String name, String email) {
        return Map.of("recipientName", name, "recipientEmail", email, "trackingId", "", "profileId", profileId);
    }

    private static Map<String, String> profileForm(String name) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("name", name);
        form.put("livenessType", "ACTIVE");
        form.put("maxRetries", "3");
        form.put("challengeCount", "2");
        form.put("linkLifetimeHours", "72");
        form.put("imageRetentionDays", "30");
        form.put("successRedirectUrl", "");
        form.put("errorRedirectUrl", "");
        form.put("brandColour", "#1f6feb");
        form.put("locale", "en");
        form.put("emailSubject", "Check for {name}");
        form.put("emailBodyText", "Hello {name}, open {link} please.");
        form.put("version", "");
        return form;
    }

    private long appliedMigrations() {
        return db.sql("SELECT COUNT(*) FROM flyway_schema_history WHERE version IS NOT NULL").query(Long.class).single();
    }

    private long countOutbox(String status) {
        return db.sql("SELECT COUNT(*) FROM email_outbox WHERE status = ?").param(status).query(Long.class).single();
    }

    private long auditCount(String action, String targetId) {
        return db.sql("SELECT COUNT(*) FROM audit_event WHERE action = ? AND target_id = ?").param(action)
                .param(targetId).query(Long.class).single();
    }

    private static String recipientOf(MimeMessage message) {
        try {
            Address[] to = message.getAllRecipients();
            return to[0].toString();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
