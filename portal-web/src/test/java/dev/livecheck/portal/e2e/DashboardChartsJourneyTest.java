package dev.livecheck.portal.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livecheck.persistence.attempts.AttemptRecorder;
import dev.livecheck.persistence.attempts.LivenessAuth;
import dev.livecheck.persistence.attempts.NewAttempt;
import dev.livecheck.persistence.profiles.CheckProfile;
import dev.livecheck.persistence.profiles.CheckProfiles;
import dev.livecheck.persistence.sessions.CaptureTokens;
import dev.livecheck.persistence.sessions.Recommendation;
import dev.livecheck.persistence.sessions.VerificationSession;
import dev.livecheck.persistence.sessions.VerificationSessions;
import dev.livecheck.persistence.users.Role;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The dashboard's "why people fail" charts in a real browser: each canvas is drawn by the ES module from
 * insights.json (none failed), the table views hold the same numbers, and axe-core finds nothing serious.
 * Attempts are stored as the capture endpoint stores them; the browser sees only the portal's pages.
 */
class DashboardChartsJourneyTest extends BrowserJourney {

    @Autowired
    CheckProfiles profiles;
    @Autowired
    VerificationSessions sessions;
    @Autowired
    AttemptRecorder recorder;

    @Test
    void everyChartIsDrawnAndItsTableViewHoldsTheReasons() {
        Tenants.Account account = tenants().business("Charts", Role.ADMIN, "Ada Admin");
        UUID businessId = users.findByLoginEmail(account.email()).orElseThrow().businessId();
        CheckProfile profile = profiles.insert(CheckProfile.create(businessId, "Default", "https://example.com/ok",
                "Please verify", "Open {link}", Instant.now()));
        Instant now = Instant.now();
        VerificationSession twice = session(profile, "Rita Rejected-Once", now);
        attempt(twice, Recommendation.REJECT, "FLAT_SURFACE", now.minusSeconds(120));
        attempt(twice, Recommendation.APPROVE, null, now.minusSeconds(60));
        attempt(session(profile, "Sam Screen", now), Recommendation.REJECT, "SCREEN_MOIRE", now);
        attempt(session(profile, "Dora Dark", now), Recommendation.NOT_AVAILABLE, "TOO_DARK", now);

        WebDriver admin = signedIn(account);
        admin.get(baseUrl + "/dashboard");
        WebDriverWait wait = new WebDriverWait(admin, Duration.ofSeconds(30));
        for (String id : List.of("reasons-chart", "profile-rate-chart", "attempt-time-chart", "attempts-used-chart",
                "pass-rate-chart")) {
            wait.until(d -> d.findElement(By.id(id)).getDomAttribute("data-state") != null);
            assertThat(admin.findElement(By.id(id)).getDomAttribute("data-state")).as(id).isEqualTo("drawn");
        }
        assertThat(admin.findElement(By.id("insights-error")).isDisplayed()).isFalse();
        // the reasons chart's table view, opened as a keyboard or screen-reader user would
        admin.findElement(By.cssSelector("#reasons-table")).findElement(By.xpath("ancestor::details/summary")).click();
        assertThat(admin.findElement(By.id("reason-FLAT_SURFACE")).getText())
                .contains(Texts.en("reason.FLAT_SURFACE"), "FLAT_SURFACE", "1");
        assertThat(admin.findElement(By.id("reason-SCREEN_MOIRE")).getText()).contains(Texts.en("reason.SCREEN_MOIRE"));
        assertThat(admin.findElement(By.id("reason-TOO_DARK")).getText()).contains(Texts.en("reason.TOO_DARK"));
        DocScreenshots.take(admin, "dashboard-charts", By.id("charts-heading"));
        Accessibility.assertNoSeriousViolations(admin, "dashboard-charts");
    }

    private VerificationSession session(CheckProfile profile, String name, Instant at) {
        return sessions.insert(VerificationSession.open(profile, name, "someone@example.com", null,
                CaptureTokens.hash(CaptureTokens.newToken()), at));
    }

    private void attempt(VerificationSession s, Recommendation r, String reason, Instant at) {
        recorder.record(s.businessId(), s.id(), null, new NewAttempt(r,
                r == Recommendation.APPROVE ? LivenessAuth.PASS : LivenessAuth.FAIL, reason, "TURN_LEFT,LOOK_UP",
                null, 50, 50, 5200, 100, at.minusSeconds(5), at, List.of()));
    }
}
