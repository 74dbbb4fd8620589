package dev.livecheck.portal.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livecheck.persistence.users.Role;
import dev.livecheck.portal.e2e.Browsers.Viewport;
import dev.livecheck.portal.e2e.pages.CapturePage;
import dev.livecheck.portal.e2e.pages.DashboardPage;
import dev.livecheck.portal.e2e.pages.SessionReportPage;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/** Journey 4: a live person in front of the camera is approved and sent on to the business's site. */
class BonaFideCaptureJourneyTest extends ScriptedChallengesJourney {

    @Test
    void aLivePersonIsGuidedThroughTheChallengesApprovedAndRedirected() {
        Tenants.Account admin = tenants().business("Bona Fide Bank", Role.ADMIN, "Ada Admin");
        ChromeDriver portal = signedIn(admin);
        createProfile(portal, "Onboarding", 3);
        String link = sendCaptureLink(portal, "Onboarding", "Ben Bona", "ben@bona.example");

        ChromeDriver phone = browsers.open(FakeCamera.BONA_FIDE, Viewport.PHONE);
        CapturePage capture = CapturePage.open(phone, link);
        assertThat(capture.intro()).contains(Texts.en("capture.intro"));
        DocScreenshots.take(phone, "capture-consent");
        capture.allowCamera().waitUntilReady();
        assertThat(capture.attemptsLeft()).startsWith(Texts.prefix("capture.attemptsLeft")).contains("3");
        capture.start();
        assertThat(capture.waitForChallenge()).isEqualTo(Texts.en("capture.progress")
                .replace("{step}", "1").replace("{of}", "2"));
        assertThat(capture.startShown()).as("Start is replaced by Cancel while an attempt runs").isFalse();
        assertThat(capture.cancelShown()).isTrue();
        DocScreenshots.take(phone, "capture-challenge");

        String finalText = capture.waitForFinal();
        DocScreenshots.take(phone, "capture-approved");
        assertThat(finalText).isEqualTo(Texts.en("capture.final.APPROVE"));
        assertThat(capture.seenInstructions()).containsSubsequence(Texts.en("capture.challenge.TURN_LEFT"),
                Texts.en("capture.passed"), Texts.en("capture.challenge.LOOK_UP"), Texts.en("capture.passed"));
        assertThat(Browsers.consoleErrors(phone)).as("console of the capture page").isEmpty();
        capture.waitForRedirectTo(site().url("/welcome"));
        assertThat(site().visits()).contains("/welcome");

        DashboardPage dashboard = DashboardPage.open(portal, baseUrl).waitForChart();
        assertThat(dashboard.sessionsIn("COMPLETED")).isEqualTo(1);
        assertThat(dashboard.sessionsWithLatest("APPROVE")).isEqualTo(1);
        assertThat(dashboard.recentRowOf("Ben Bona")).contains(Texts.en("reports.recommendation.APPROVE"));
        DocScreenshots.take(portal, "dashboard");

        SessionReportPage report = dashboard.openRecentReport("Ben Bona");
        assertThat(report.state()).contains(Texts.en("reports.state.COMPLETED"));
        assertThat(report.attempts()).hasSize(1);
        assertThat(report.recommendationOf(1)).isEqualTo(Texts.en("reports.recommendation.APPROVE"));
        assertThat(report.livenessAuthOf(1)).isEqualTo("PASS");
        assertThat(report.loadedImageWidthsOf(1)).hasSize(3).allSatisfy(w -> assertThat(w).isGreaterThan(100L));
        assertThat(report.subCheckOutcome(1, "structure_3d")).isEqualTo("PASS");
        DocScreenshots.take(portal, "session-report");
        DocScreenshots.take(portal, "session-report-attempt", By.id("attempt-1"));
        assertThat(Browsers.consoleErrors(portal)).as("console of the portal pages").isEmpty();
    }
}
