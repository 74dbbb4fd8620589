package dev.livecheck.portal.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livecheck.portal.e2e.Browsers.Viewport;
import dev.livecheck.portal.e2e.pages.CapturePage;
import dev.livecheck.portal.e2e.pages.DashboardPage;
import dev.livecheck.portal.e2e.pages.SessionReportPage;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/** Journey 6: without a usable camera the page says what to do, and the session records nothing. */
class CameraProblemsJourneyTest extends BrowserJourney {

    @Test
    void aBlockedCameraOrNoCameraGetsHelpTextAndRecordsNothing() {
        Invitation invitation = invite("Camera Shy GmbH", "Dana Denied", "dana@denied.example", 3);
        WebDriver admin = invitation.admin();
        String link = invitation.link();

        WebDriver denied = browsers.open(FakeCamera.DENIED, Viewport.PHONE);
        WebElement deniedHelp = CapturePage.open(denied, link).allowCamera().waitForCameraProblem();
        assertThat(deniedHelp.getDomAttribute("id")).isEqualTo("state-denied");
        assertThat(deniedHelp.getText()).contains(Texts.en("capture.camera.denied"),
                Texts.en("capture.camera.denied.help"));
        DocScreenshots.take(denied, "capture-camera-denied");

        WebDriver noCamera = browsers.open(FakeCamera.NONE, Viewport.PHONE);
        CapturePage page = CapturePage.open(noCamera, link);
        WebElement noneHelp = page.allowCamera().waitForCameraProblem();
        assertThat(noneHelp.getDomAttribute("id")).isEqualTo("state-no-camera");
        assertThat(noneHelp.getText()).contains(Texts.en("capture.camera.none"), Texts.en("capture.camera.none.help"));
        assertThat(page.previewShown()).isFalse();

        SessionReportPage report = DashboardPage.open(admin, baseUrl).openRecentReport("Dana Denied");
        assertThat(report.state()).contains(Texts.en("reports.state.ONGOING"));
        assertThat(report.attemptsUsed()).isEqualTo(Texts.en("reports.session.attemptsOf")
                .replace("{0}", "0").replace("{1}", "3"));
        assertThat(report.attempts()).isEmpty();
    }
}
