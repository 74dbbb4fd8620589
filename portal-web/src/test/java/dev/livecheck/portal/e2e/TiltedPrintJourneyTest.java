package dev.livecheck.portal.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livecheck.portal.e2e.Browsers.Viewport;
import dev.livecheck.portal.e2e.pages.CapturePage;
import dev.livecheck.portal.e2e.pages.DashboardPage;
import dev.livecheck.portal.e2e.pages.LinkUnavailablePage;
import dev.livecheck.portal.e2e.pages.SessionReportPage;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebDriver;

/**
 * Journey 5: a printed photo, tilted to mimic the challenges, is rejected twice; with a retry limit of 2 the session
 * is closed as REJECT and the link never opens a capture again.
 */
class TiltedPrintJourneyTest extends BrowserJourney {

    @Test
    void aTiltedPrintIsRejectedUntilTheSessionClosesAndTheLinkIsDead() {
        Invitation invitation = invite("Print Shop", "Paul Print", "paul@print.example", 2);
        WebDriver admin = invitation.admin();
        String link = invitation.link();

        WebDriver attacker = browsers.open(FakeCamera.TILTED_PRINT, Viewport.PHONE);
        CapturePage capture = CapturePage.open(attacker, link).allowCamera().waitUntilReady();
        assertThat(capture.attemptsLeft()).contains("2");

        capture.start();
        String afterFirst = capture.waitForRetryOffer();
        assertThat(afterFirst).isEqualTo(Texts.en("capture.result.REJECT"));
        assertThat(capture.attemptsLeft()).isEqualTo(Texts.en("capture.attemptsLeft").replace("{n}", "1"));
        assertThat(capture.startButtonText()).isEqualTo(Texts.en("capture.retry"));
        assertThat(capture.cancelShown()).as("nothing to cancel between attempts").isFalse();
        DocScreenshots.take(attacker, "capture-rejected-retry");

        capture.start();
        assertThat(capture.waitForFinal()).isEqualTo(Texts.en("capture.final.REJECT"));
        capture.waitForRedirectTo(site().url("/sorry"));

        SessionReportPage report = DashboardPage.open(admin, baseUrl).openRecentReport("Paul Print");
        assertThat(report.state()).contains(Texts.en("reports.state.COMPLETED"));
        assertThat(report.latestRecommendation()).isEqualTo(Texts.en("reports.recommendation.REJECT"));
        assertThat(report.attempts()).hasSize(2);
        assertThat(report.livenessAuthOf(1)).isEqualTo("FAIL");
        assertThat(report.livenessAuthOf(2)).isEqualTo("FAIL");

        LinkUnavailablePage again = LinkUnavailablePage.open(attacker, link);
        assertThat(again.reason()).isEqualTo("NO_ATTEMPTS_LEFT");
        assertThat(again.message()).isEqualTo(Texts.en("capture.unavailable.NO_ATTEMPTS_LEFT"));
        assertThat(again.offersCapture()).isFalse();
    }
}
