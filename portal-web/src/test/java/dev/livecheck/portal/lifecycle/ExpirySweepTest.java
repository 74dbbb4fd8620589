package dev.livecheck.portal.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livecheck.persistence.profiles.CheckProfile;
import dev.livecheck.persistence.sessions.CloseReason;
import dev.livecheck.persistence.sessions.Recommendation;
import dev.livecheck.persistence.sessions.SessionState;
import dev.livecheck.persistence.sessions.VerificationSession;
import dev.livecheck.portal.PortalWebTest;
import dev.livecheck.portal.TestData;
import dev.livecheck.portal.TestData.Tenant;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Runs in the far past ({@link TestData#LONG_AGO}), where no other test class has sessions. The sweep is global and may
 * also expire leftovers of earlier tests here, so states are asserted per session and counts only as lower bounds.
 */
class ExpirySweepTest extends PortalWebTest {
    private static final Instant T0 = TestData.LONG_AGO;

    @Autowired
    ExpirySweep sweep;

    @Test
    void expiresOngoingSessionsWhoseLinkRanOutAndOnlyThose() {
        Tenant a = data.tenant("A");
        CheckProfile oneHour = data.profile(a, 1, 30);
        CheckProfile oneDay = data.profile(a, 24, 30);
        VerificationSession overdue = data.session(oneHour, "Overdue", "o@example.com", "T-1", T0);
        VerificationSession stillValid = data.session(oneDay, "Still valid", "v@example.com", "T-2", T0);
        VerificationSession completed = data.session(oneHour, "Done", "d@example.com", "T-3", T0);
        data.attempt(completed, Recommendation.APPROVE, T0.plus(Duration.ofMinutes(10)));

        sweep.sweep(T0.plus(Duration.ofMinutes(59)));
        assertThat(state(a, overdue)).isEqualTo(SessionState.ONGOING);

        Instant later = T0.plus(Duration.ofHours(2));
        assertThat(sweep.sweep(later)).isGreaterThanOrEqualTo(1);

        VerificationSession expired = data.sessions().findByBusinessIdAndId(a.id(), overdue.id()).orElseThrow();
        assertThat(expired.state()).isEqualTo(SessionState.EXPIRED);
        assertThat(expired.closeReason()).isEqualTo(CloseReason.LINK_EXPIRED);
        assertThat(expired.completedAt()).isEqualTo(later);
        assertThat(state(a, stillValid)).isEqualTo(SessionState.ONGOING);
        assertThat(state(a, completed)).isEqualTo(SessionState.COMPLETED);
    }

    @Test
    void aSecondRunAsOnAnotherNodeFindsNothingLeft() {
        Tenant a = data.tenant("A");
        CheckProfile oneHour = data.profile(a, 1, 30);
        VerificationSession overdue = data.session(oneHour, "Overdue", "o@example.com", "T-1",
                T0.plus(Duration.ofDays(10)));
        Instant now = T0.plus(Duration.ofDays(10)).plus(Duration.ofHours(3));

        assertThat(sweep.sweep(now)).isGreaterThanOrEqualTo(1);
        assertThat(sweep.sweep(now.plusSeconds(1))).isZero();
        assertThat(data.sessions().findByBusinessIdAndId(a.id(), overdue.id()).orElseThrow().completedAt())
                .isEqualTo(now);
    }

    @Test
    void theScheduledRunSweepsAtTheClocksTime() {
        Tenant a = data.tenant("A");
        VerificationSession overdue = data.session(data.profile(a, 1, 30), "Overdue", "o@example.com", "T-1",
                T0.plus(Duration.ofDays(20)));
        VerificationSession current = data.session(a, "Current", "T-2");

        sweep.run();

        assertThat(data.sessions().findByBusinessIdAndId(a.id(), overdue.id()).orElseThrow().completedAt())
                .isEqualTo(NOW);
        assertThat(state(a, overdue)).isEqualTo(SessionState.EXPIRED);
        assertThat(state(a, current)).isEqualTo(SessionState.ONGOING);
    }

    private SessionState state(Tenant t, VerificationSession s) {
        return data.sessions().findByBusinessIdAndId(t.id(), s.id()).orElseThrow().state();
    }
}
