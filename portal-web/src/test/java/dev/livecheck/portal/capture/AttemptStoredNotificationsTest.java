package dev.livecheck.portal.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.livecheck.core.attempt.Challenge;
import dev.livecheck.core.report.AttemptImage;
import dev.livecheck.core.report.LivenessReport;
import dev.livecheck.core.report.Recommendation;
import dev.livecheck.core.report.SubCheck;
import dev.livecheck.persistence.attempts.Attempts;
import dev.livecheck.persistence.notifications.NotificationDeliveries;
import dev.livecheck.persistence.notifications.NotificationDelivery;
import dev.livecheck.persistence.notifications.NotificationTopic;
import dev.livecheck.persistence.sessions.VerificationSession;
import dev.livecheck.portal.TestData;
import dev.livecheck.portal.TestData.ApiTenant;
import dev.livecheck.portal.TestData.Notify;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A stored attempt enqueues the notifications its session asked for, in the attempt's own transaction: exactly the
 * subscribed topics (resource first, then the check, then the session when the attempt ended it), nothing for sessions
 * without an endpoint or without an API request, and nothing at all when the attempt's transaction rolls back.
 * The same configuration as the notifications package's tests, so the Spring context is shared with them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:notifications-tests;DB_CLOSE_DELAY=-1",
        "livecheck.notifications.allow-private-networks=true",
        "livecheck.notifications.enabled=false",
        "livecheck.lifecycle.initial-delay=P1D"})
@AutoConfigureMockMvc
@ActiveProfiles("test")
class AttemptStoredNotificationsTest {
    private static final String ENDPOINT = "http://127.0.0.1:9/hook";
    private static final String ALL = "RESOURCE_UPDATE,CHECK_COMPLETION,SESSION_COMPLETION,CLIENT_SESSION_TOKEN_DELETED";

    @Autowired
    ApplicationContext context;
    @Autowired
    AttemptResults results;
    @Autowired
    NotificationDeliveries deliveries;
    @Autowired
    Attempts attempts;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    AttemptGate gate;

    TestData data;
    ApiTenant tenant;

    @BeforeEach
    void setUp() {
        data = new TestData(context);
        tenant = data.apiTenant("Capture", Instant.now());
        jdbc.execute(RefuseImageTrigger.CREATE);
    }

    @AfterEach
    void disarm() {
        RefuseImageTrigger.disarm();
    }

    @Test
    void eachStoredAttemptEnqueuesResourceThenCheckAndTheLastOneTheSessionToo() {
        VerificationSession s = data.apiSession(tenant, 2, Instant.now(), Duration.ofHours(1),
                Notify.bearer(ENDPOINT, ALL, "tok"));

        results.store(binding(s), "socket:test", report(false), Instant.now().minusSeconds(5));
        assertThat(topics(s)).containsExactly(NotificationTopic.RESOURCE_UPDATE, NotificationTopic.CHECK_COMPLETION);

        results.store(binding(s), "socket:test", report(false), Instant.now().minusSeconds(5));
        assertThat(topics(s)).containsExactly(NotificationTopic.RESOURCE_UPDATE, NotificationTopic.CHECK_COMPLETION,
                NotificationTopic.RESOURCE_UPDATE, NotificationTopic.CHECK_COMPLETION,
                NotificationTopic.SESSION_COMPLETION);
        List<NotificationDelivery> all = deliveries.findAllByBusinessIdAndSessionIdOrderByCreatedAt(tenant.id(), s.id());
        // Caused together, due a microsecond apart: the sender, which takes due rows in order, keeps that order.
        assertThat(all.get(3).nextAttemptAt()).isAfter(all.get(2).nextAttemptAt());
        assertThat(all.get(4).nextAttemptAt()).isAfter(all.get(3).nextAttemptAt());
    }

    @Test
    void onlyTheTopicsTheSessionAskedForAreEnqueued() {
        VerificationSession checkOnly = data.apiSession(tenant, 3, Instant.now(), Duration.ofHours(1),
                Notify.basic(ENDPOINT, "CHECK_COMPLETION,TASK_COMPLETION", "user:pass"));
        VerificationSession completionOnly = data.apiSession(tenant, 3, Instant.now(), Duration.ofHours(1),
                Notify.bearer(ENDPOINT, "SESSION_COMPLETION", "tok"));
        VerificationSession noEndpoint = data.apiSession(tenant, 3, Instant.now(), Duration.ofHours(1), null);
        VerificationSession portal = data.session(tenant.profile(), "Ada", "ada@example.test", null, Instant.now());

        for (VerificationSession s : List.of(checkOnly, completionOnly, noEndpoint, portal)) {
            results.store(binding(s), "socket:test", report(true), Instant.now().minusSeconds(5));
        }

        assertThat(topics(checkOnly)).containsExactly(NotificationTopic.CHECK_COMPLETION);
        assertThat(topics(completionOnly)).containsExactly(NotificationTopic.SESSION_COMPLETION);
        assertThat(topics(noEndpoint)).isEmpty();
        assertThat(topics(portal)).isEmpty();
        assertThat(attempts.findAllByBusinessIdAndSessionIdOrderByAttemptNumber(tenant.id(), portal.id())).hasSize(1);
    }

    @Test
    void whenTheAttemptsTransactionRollsBackNoDeliveryRemains() {
        VerificationSession s = data.apiSession(tenant, 3, Instant.now(), Duration.ofHours(1),
                Notify.bearer(ENDPOINT, ALL, "tok"));
        TransactionTemplate outer = new TransactionTemplate(transactions);

        // Rolled back after the listener ran: the deliveries it wrote go with the attempt.
        outer.executeWithoutResult(status -> {
            results.store(binding(s), "socket:test", report(true), Instant.now().minusSeconds(5));
            assertThat(topics(s)).hasSize(3);
            status.setRollbackOnly();
        });
        assertThat(topics(s)).isEmpty();
        assertThat(attempts.findAllByBusinessIdAndSessionIdOrderByAttemptNumber(tenant.id(), s.id())).isEmpty();

        // The database refuses the attempt's last image: nothing of the attempt, and no notification of it.
        RefuseImageTrigger.armOnce(tenant.id());
        assertThatThrownBy(() -> results.store(binding(s), "socket:test", report(true), Instant.now().minusSeconds(5)))
                .isInstanceOf(org.springframework.dao.DataAccessException.class);
        assertThat(topics(s)).isEmpty();
        assertThat(attempts.findAllByBusinessIdAndSessionIdOrderByAttemptNumber(tenant.id(), s.id())).isEmpty();
    }

    @Test
    void aListenerRefusesToRunOutsideTheTransactionOfItsCause() {
        VerificationSession s = data.apiSession(tenant, 3, Instant.now(), Duration.ofHours(1),
                Notify.bearer(ENDPOINT, ALL, "tok"));
        assertThatThrownBy(() -> events.publishEvent(new AttemptStored(tenant.id(), s.id(), UUID.randomUUID(), true)))
                .isInstanceOf(IllegalTransactionStateException.class);
        assertThat(topics(s)).isEmpty();
    }

    /** The abandon that reaches the cap closes the session like an exhausted one: SESSION_COMPLETION, once. */
    @Test
    void theAbandonThatClosesTheSessionEnqueuesSessionCompletion() {
        VerificationSession s = data.apiSession(tenant, 3, Instant.now(), Duration.ofHours(1),
                Notify.bearer(ENDPOINT, ALL, "tok"));
        assertThat(s.maxAbandonedAttempts()).isEqualTo(5);
        for (int i = 1; i < 5; i++) {
            assertThat(gate.abandoned(binding(s), "socket:test", 1, 2)).isFalse();
        }
        assertThat(topics(s)).isEmpty();

        assertThat(gate.abandoned(binding(s), "socket:test", 2, 2)).isTrue();
        assertThat(topics(s)).containsExactly(NotificationTopic.SESSION_COMPLETION);
        assertThat(gate.abandoned(binding(s), "socket:test", 1, 2)).as("already closed").isTrue();
        assertThat(topics(s)).containsExactly(NotificationTopic.SESSION_COMPLETION);
    }

    private List<NotificationTopic> topics(VerificationSession s) {
        return deliveries.findAllByBusinessIdAndSessionIdOrderByCreatedAt(tenant.id(), s.id()).stream()
                .map(NotificationDelivery::topic).toList();
    }

    private static CaptureBinding binding(VerificationSession s) {
        return new CaptureBinding(s.businessId(), s.id(), 2, "https://example.test/ok", "https://example.test/error",
                s.captureTokenHash());
    }

    private static LivenessReport report(boolean approve) {
        return new LivenessReport(approve ? Recommendation.APPROVE : Recommendation.REJECT,
                approve ? null : "FLAT_SURFACE", List.of(Challenge.TURN_LEFT, Challenge.LOOK_UP),
                List.of(approve ? SubCheck.pass("structure_3d", Map.of("parallax_ratio", 0.23))
                        : SubCheck.fail("structure_3d", "FLAT_SURFACE", Map.of("parallax_ratio", 0.04))),
                List.of(image(AttemptImage.Role.FRONTAL_START, 0), image(AttemptImage.Role.CHALLENGE, 2500),
                        image(AttemptImage.Role.FRONTAL_END, 5300)),
                90, 88, 5400, 120);
    }

    private static AttemptImage image(AttemptImage.Role role, long atMs) {
        // a real JPEG: AttemptResults re-encodes every kept frame before it stores it
        try {
            return new AttemptImage(role, atMs, CaptureSocketTestSupport.greyJpeg());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
