package dev.livecheck.portal.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livecheck.persistence.notifications.NotificationDeliveries;
import dev.livecheck.persistence.notifications.NotificationDelivery;
import dev.livecheck.persistence.notifications.NotificationTopic;
import dev.livecheck.persistence.sessions.CloseReason;
import dev.livecheck.persistence.sessions.SessionState;
import dev.livecheck.persistence.sessions.VerificationSession;
import dev.livecheck.portal.PortalWebTest;
import dev.livecheck.portal.TestData;
import dev.livecheck.portal.TestData.ApiTenant;
import dev.livecheck.portal.TestData.Notify;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The expiry sweep and sessions created through the API: each overdue one is expired with its notifications
 * (completion, then the token's end) in one transaction, once even when two nodes sweep, and only if it asked for them.
 * Runs in the far past like {@link ExpirySweepTest}, a month after it, where no other test has sessions.
 */
class ApiSessionExpiryTest extends PortalWebTest {
    private static final Instant T0 = TestData.LONG_AGO.plus(Duration.ofDays(30));
    private static final String ENDPOINT = "http://127.0.0.1:9/hook";

    @Autowired
    ExpirySweep sweep;
    @Autowired
    NotificationDeliveries deliveries;

    @Test
    void anOverdueApiSessionIsExpiredWithTheNotificationsItAskedFor() {
        ApiTenant t = data.apiTenant("Expiring", T0);
        VerificationSession both = data.apiSession(t, 3, T0, Duration.ofHours(1),
                Notify.bearer(ENDPOINT, "SESSION_COMPLETION,CLIENT_SESSION_TOKEN_DELETED", "tok"));
        VerificationSession tokenOnly = data.apiSession(t, 3, T0, Duration.ofHours(1),
                Notify.basic(ENDPOINT, "CLIENT_SESSION_TOKEN_DELETED", "u:p"));
        VerificationSession silent = data.apiSession(t, 3, T0, Duration.ofHours(1), null);
        VerificationSession notYet = data.apiSession(t, 3, T0, Duration.ofHours(5),
                Notify.bearer(ENDPOINT, "SESSION_COMPLETION", "tok"));
        VerificationSession portal = data.session(t.profile(), "Ada", "ada@example.test", null,
                T0.minus(Duration.ofDays(5)));

        Instant now = T0.plus(Duration.ofHours(2));
        assertThat(sweep.sweep(now)).isGreaterThanOrEqualTo(4);
        // A second node sweeping right after finds nothing left, and enqueues nothing twice.
        assertThat(sweep.sweep(now.plusSeconds(1))).isZero();

        for (VerificationSession s : List.of(both, tokenOnly, silent, portal)) {
            VerificationSession expired = data.sessions().findByBusinessIdAndId(t.id(), s.id()).orElseThrow();
            assertThat(expired.state()).isEqualTo(SessionState.EXPIRED);
            assertThat(expired.closeReason()).isEqualTo(CloseReason.LINK_EXPIRED);
        }
        assertThat(data.sessions().findByBusinessIdAndId(t.id(), notYet.id()).orElseThrow().state())
                .isEqualTo(SessionState.ONGOING);
        assertThat(topics(t, both)).containsExactly(NotificationTopic.SESSION_COMPLETION,
                NotificationTopic.CLIENT_SESSION_TOKEN_DELETED);
        assertThat(topics(t, tokenOnly)).containsExactly(NotificationTopic.CLIENT_SESSION_TOKEN_DELETED);
        assertThat(topics(t, silent)).isEmpty();
        assertThat(topics(t, notYet)).isEmpty();
        assertThat(topics(t, portal)).isEmpty();
    }

    private List<NotificationTopic> topics(ApiTenant t, VerificationSession s) {
        return deliveries.findAllByBusinessIdAndSessionIdOrderByCreatedAt(t.id(), s.id()).stream()
                .map(NotificationDelivery::topic).toList();
    }
}
