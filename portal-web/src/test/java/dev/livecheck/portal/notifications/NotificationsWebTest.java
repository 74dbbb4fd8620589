package dev.livecheck.portal.notifications;

import dev.livecheck.persistence.audit.AuditLog;
import dev.livecheck.persistence.notifications.NotificationDeliveries;
import dev.livecheck.persistence.notifications.NotificationDelivery;
import dev.livecheck.persistence.notifications.NotificationDeliveryTries;
import dev.livecheck.persistence.notifications.NotificationTopic;
import dev.livecheck.persistence.sessions.SessionApiRequests;
import dev.livecheck.persistence.applications.ApiApplications;
import dev.livecheck.persistence.sessions.VerificationSession;
import dev.livecheck.portal.TestData;
import dev.livecheck.portal.TestData.ApiTenant;
import dev.livecheck.portal.email.LinkSealer;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The whole portal (profile "test") on its own in-memory H2, shared by the notification tests. Private networks are
 * allowed so a receiver on 127.0.0.1 can be reached over http; the scheduled sender is off, so each test drives
 * {@link NotificationSender#sendDue()} itself (and can run further sender "nodes" with their own settings). Tests
 * isolate themselves by their own businesses and receivers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:notifications-tests;DB_CLOSE_DELAY=-1",
        "livecheck.notifications.allow-private-networks=true",
        "livecheck.notifications.enabled=false",
        "livecheck.lifecycle.initial-delay=P1D"})
@AutoConfigureMockMvc
@ActiveProfiles("test")
abstract class NotificationsWebTest {
    @Autowired
    protected MockMvc mvc;
    @Autowired
    protected ApplicationContext context;
    @Autowired
    protected NotificationSender sender;
    @Autowired
    protected NotificationDeliveries deliveries;
    @Autowired
    protected NotificationDeliveryTries tries;
    @Autowired
    protected NotificationProperties properties;
    @Autowired
    protected JdbcClient jdbc;

    protected TestData data;

    @BeforeEach
    void testData() {
        data = new TestData(context);
    }

    protected NotificationDelivery enqueue(ApiTenant t, VerificationSession s, NotificationTopic topic,
                                           String endpoint) {
        return deliveries.insert(NotificationDelivery.pending(t.id(), s.id(), t.application().id(), topic, endpoint,
                Instant.now()));
    }

    protected NotificationDelivery reload(NotificationDelivery d) {
        return deliveries.findByBusinessIdAndId(d.businessId(), d.id()).orElseThrow();
    }

    /** A further sender "node" on the same database, with its own settings and node id. */
    protected NotificationSender node(String nodeId, NotificationProperties settings, boolean allowPrivateNetworks) {
        WebhookClient client = new WebhookClient(new NotificationEndpointPolicy(allowPrivateNetworks), settings);
        return new NotificationSender(deliveries, tries, context.getBean(SessionApiRequests.class),
                context.getBean(ApiApplications.class), context.getBean(LinkSealer.class), client, settings,
                context.getBean(AuditLog.class), context.getBean(PlatformTransactionManager.class),
                context.getBean(Clock.class), nodeId);
    }

    /** The shipped defaults with other timeouts. */
    protected NotificationProperties withTimeouts(java.time.Duration connect, java.time.Duration request) {
        NotificationProperties p = properties;
        return new NotificationProperties(p.enabled(), p.maxAttempts(), p.firstRetryDelay(), p.maxRetryDelay(),
                connect, request, p.claimDuration(), p.batchSize(), p.maxResponseBytes());
    }

    /** Makes every PENDING delivery of these due now, as if the back-off had passed. */
    protected void makeDue(List<NotificationDelivery> ds) {
        for (NotificationDelivery d : ds) {
            jdbc.sql("UPDATE notification_delivery SET next_attempt_at = ? WHERE id = ?")
                    .params(java.sql.Timestamp.from(Instant.now().minusSeconds(1)), d.id()).update();
        }
    }
}
