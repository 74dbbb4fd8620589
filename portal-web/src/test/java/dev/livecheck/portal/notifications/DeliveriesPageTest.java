package dev.livecheck.portal.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.livecheck.persistence.audit.AuditAction;
import dev.livecheck.persistence.notifications.DeliveryStatus;
import dev.livecheck.persistence.notifications.NotificationDelivery;
import dev.livecheck.persistence.notifications.NotificationTopic;
import dev.livecheck.persistence.sessions.VerificationSession;
import dev.livecheck.portal.TestData.ApiTenant;
import dev.livecheck.portal.TestData.Notify;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Deliveries page: newest first with its tries, "Retry now" for FAILED ones, ADMIN only, tenant-scoped. */
class DeliveriesPageTest extends NotificationsWebTest {
    /**
     * Loopback only: the tests in this context share one database and every sender run takes every due delivery, so a
     * delivery left due must never make the sender look up or contact another host (port 9 refuses at once).
     */
    private static final String ENDPOINT = "http://127.0.0.1:9/livecheck?key=receiver-secret";

    @Test
    void listsTheBusinesssDeliveriesNewestFirstWithHostOnlyAndTheirTries() throws Exception {
        ApiTenant t = data.apiTenant("Listed", Instant.now());
        ApiTenant other = data.apiTenant("Other", Instant.now());
        VerificationSession s = data.apiSession(t, 3, Instant.now(), Duration.ofHours(1),
                Notify.bearer(ENDPOINT, "RESOURCE_UPDATE,CHECK_COMPLETION", "tok"));
        NotificationDelivery older = deliveries.insert(NotificationDelivery.pending(t.id(), s.id(),
                t.application().id(), NotificationTopic.RESOURCE_UPDATE, ENDPOINT, Instant.now().minusSeconds(60)));
        NotificationDelivery newer = enqueue(t, s, NotificationTopic.CHECK_COMPLETION, ENDPOINT);
        VerificationSession otherSession = data.apiSession(other, 3, Instant.now(), Duration.ofHours(1),
                Notify.bearer(ENDPOINT, "RESOURCE_UPDATE", "tok"));
        NotificationDelivery foreign = enqueue(other, otherSession, NotificationTopic.RESOURCE_UPDATE, ENDPOINT);

        String page = mvc.perform(get("/deliveries").with(user(t.admin())))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Security-Policy", containsString("frame-ancestors 'none'")))
                .andExpect(content().string(not(containsString("style="))))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("delivery-" + newer.id(), "delivery-" + older.id(), "127.0.0.1",
                "/sessions/" + s.id() + "/report");
        assertThat(page.indexOf("delivery-" + newer.id())).isLessThan(page.indexOf("delivery-" + older.id()));
        assertThat(page).doesNotContain(foreign.id().toString(), "receiver-secret");

        String detail = mvc.perform(get("/deliveries/{id}", newer.id()).with(user(t.admin())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(detail).contains("CHECK_COMPLETION", "no-tries").doesNotContain("id=\"retry\"");
    }

    @Test
    void anotherBusinesssDeliveryIsNotFoundAndAReviewerMayNotOpenThePage() throws Exception {
        ApiTenant t = data.apiTenant("Mine", Instant.now());
        ApiTenant other = data.apiTenant("Theirs", Instant.now());
        VerificationSession theirs = data.apiSession(other, 3, Instant.now(), Duration.ofHours(1),
                Notify.bearer(ENDPOINT, "RESOURCE_UPDATE", "tok"));
        NotificationDelivery foreign = failed(other, theirs);

        mvc.perform(get("/deliveries/{id}", foreign.id()).with(user(t.admin()))).andExpect(status().isNotFound());
        mvc.perform(post("/deliveries/{id}/retry", foreign.id()).with(user(t.admin())).with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(reload(foreign).status()).isEqualTo(DeliveryStatus.FAILED);

        mvc.perform(get("/deliveries").with(user(t.reviewer()))).andExpect(status().isForbidden());
        mvc.perform(get("/deliveries/{id}", foreign.id()).with(user(other.reviewer()))).andExpect(status().isForbidden());
        mvc.perform(post("/deliveries/{id}/retry", foreign.id()).with(user(other.reviewer())).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/deliveries/{id}", "not-a-uuid").with(user(t.admin()))).andExpect(status().is4xxClientError());
    }

    @Test
    void retryNowRequeuesAFailedDeliveryWithCsrfAndIsAudited() throws Exception {
        ApiTenant t = data.apiTenant("Retry", Instant.now());
        VerificationSession s = data.apiSession(t, 3, Instant.now(), Duration.ofHours(1),
                Notify.bearer(ENDPOINT, "RESOURCE_UPDATE", "tok"));
        NotificationDelivery d = failed(t, s);

        String detail = mvc.perform(get("/deliveries/{id}", d.id()).with(user(t.admin())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(detail).contains("id=\"retry\"", "HTTP 500");

        mvc.perform(post("/deliveries/{id}/retry", d.id()).with(user(t.admin())))
                .andExpect(status().isForbidden());
        assertThat(reload(d).status()).isEqualTo(DeliveryStatus.FAILED);

        mvc.perform(post("/deliveries/{id}/retry", d.id()).with(user(t.admin())).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/deliveries/" + d.id()))
                .andExpect(flash().attribute("flashMessage", "deliveries.requeued"));
        NotificationDelivery requeued = reload(d);
        assertThat(requeued.status()).isEqualTo(DeliveryStatus.PENDING);
        assertThat(requeued.nextAttemptAt()).isBeforeOrEqualTo(Instant.now());
        assertThat(jdbc.sql("SELECT actor FROM audit_event WHERE business_id = ? AND action = ? AND target_id = ?")
                .params(t.id(), AuditAction.NOTIFICATION_REQUEUED.name(), d.id().toString()).query(String.class)
                .list()).containsExactly(t.admin().userId().toString());

        // A second click finds nothing FAILED to requeue: a message, no second audit event.
        mvc.perform(post("/deliveries/{id}/retry", d.id()).with(user(t.admin())).with(csrf()))
                .andExpect(flash().attribute("errorMessage", "deliveries.notFailed"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE business_id = ? AND action = ?")
                .params(t.id(), AuditAction.NOTIFICATION_REQUEUED.name()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void cancellingAnApiSessionEnqueuesItsCompletionAndTokenDeletionInTheSameTransaction() throws Exception {
        ApiTenant t = data.apiTenant("Cancel", Instant.now());
        VerificationSession asked = data.apiSession(t, 3, Instant.now(), Duration.ofHours(1),
                Notify.bearer(ENDPOINT, "client_session_token_deleted, SESSION_COMPLETION", "tok"));
        VerificationSession onlyCompletion = data.apiSession(t, 3, Instant.now(), Duration.ofHours(1),
                Notify.bearer(ENDPOINT, "SESSION_COMPLETION", "tok"));
        VerificationSession noEndpoint = data.apiSession(t, 3, Instant.now(), Duration.ofHours(1), null);
        VerificationSession portal = data.session(t.profile(), "Ada", "ada@example.test", null, Instant.now());

        for (VerificationSession s : List.of(asked, onlyCompletion, noEndpoint, portal)) {
            mvc.perform(post("/sessions/{id}/cancel", s.id()).with(user(t.admin())).with(csrf()))
                    .andExpect(status().is3xxRedirection());
        }

        assertThat(topics(t, asked)).containsExactly(NotificationTopic.SESSION_COMPLETION,
                NotificationTopic.CLIENT_SESSION_TOKEN_DELETED);
        assertThat(topics(t, onlyCompletion)).containsExactly(NotificationTopic.SESSION_COMPLETION);
        assertThat(topics(t, noEndpoint)).isEmpty();
        assertThat(topics(t, portal)).isEmpty();
        NotificationDelivery d = deliveries.findAllByBusinessIdAndSessionIdOrderByCreatedAt(t.id(), asked.id()).get(0);
        assertThat(d.endpoint()).isEqualTo(ENDPOINT);
        assertThat(d.applicationId()).isEqualTo(t.application().id());
        assertThat(d.payload()).isEqualTo("{\"session_id\":\"" + asked.id() + "\",\"topic\":\"SESSION_COMPLETION\"}");
    }

    @Test
    void deletingASessionInThePortalDeletesItsDeliveries() throws Exception {
        ApiTenant t = data.apiTenant("Delete", Instant.now());
        VerificationSession s = data.apiSession(t, 3, Instant.now(), Duration.ofHours(1),
                Notify.bearer(ENDPOINT, "RESOURCE_UPDATE", "tok"));
        NotificationDelivery d = failed(t, s);

        mvc.perform(post("/sessions/{id}/delete", s.id()).with(user(t.admin())).with(csrf()))
                .andExpect(status().is3xxRedirection());

        assertThat(deliveries.findByBusinessIdAndId(t.id(), d.id())).isEmpty();
        assertThat(tries.findAllByBusinessIdAndDeliveryIdOrderByTriedAt(t.id(), d.id())).isEmpty();
        mvc.perform(get("/deliveries/{id}", d.id()).with(user(t.admin()))).andExpect(status().isNotFound());
    }

    /** A delivery that failed for good after one try answered 500, made through the real sender. */
    private NotificationDelivery failed(ApiTenant t, VerificationSession s) throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver(WebhookReceiver.Answer.status(500))) {
            NotificationDelivery d = enqueue(t, s, NotificationTopic.RESOURCE_UPDATE, receiver.url("/hook"));
            NotificationProperties p = properties;
            node("once", new NotificationProperties(true, 1, p.firstRetryDelay(), p.maxRetryDelay(),
                    p.connectTimeout(), p.requestTimeout(), p.claimDuration(), p.batchSize(), p.maxResponseBytes()),
                    true).sendDue();
            assertThat(reload(d).status()).isEqualTo(DeliveryStatus.FAILED);
            return d;
        }
    }

    private List<NotificationTopic> topics(ApiTenant t, VerificationSession s) {
        return deliveries.findAllByBusinessIdAndSessionIdOrderByCreatedAt(t.id(), s.id()).stream()
                .map(NotificationDelivery::topic).toList();
    }
}
