package dev.livecheck.portal.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livecheck.portal.e2e.pages.DashboardPage;
import dev.livecheck.portal.e2e.pages.LoginPage;
import dev.livecheck.portal.e2e.pages.SetupPage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Journey 1: a fresh installation. Its own portal instance and empty database, so setup is really the first run. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles("test")
class FirstRunJourneyTest {

    @RegisterExtension
    final Browsers browsers = new Browsers();

    @Value("${livecheck.public-base-url}")
    String baseUrl;
    @Value("${livecheck.setup-code-file}")
    Path setupCodeFile;

    @DynamicPropertySource
    static void portal(DynamicPropertyRegistry registry) {
        E2eEnvironment.registerPortal(registry, "first-run");
    }

    @Test
    void setupCreatesTheBusinessAndOwnerWhoSignsOutAndBackIn() throws IOException {
        WebDriver browser = browsers.open(FakeCamera.NONE);

        SetupPage setup = SetupPage.openFrontDoor(browser, baseUrl);
        assertThat(setup.heading()).isEqualTo(Texts.en("setup.title"));
        // the operator reads the code where the portal wrote it (the same code as in its log)
        setup.fill(Files.readString(setupCodeFile).strip(), "Example Shop", "Olivia Owner", "owner@shop.example",
                "correct horse battery staple");
        DocScreenshots.take(browser, "setup");
        Accessibility.assertNoSeriousViolations(browser, "setup");

        LoginPage login = setup.create();
        assertThat(login.notice()).isEqualTo(Texts.en("login.setupDone"));
        DashboardPage dashboard = login.signIn("owner@shop.example", "correct horse battery staple");
        assertThat(dashboard.signedInAs()).isEqualTo("Olivia Owner");

        LoginPage signedOut = dashboard.signOut();
        assertThat(signedOut.notice()).isEqualTo(Texts.en("login.loggedOut"));
        assertThat(signedOut.signInFailing("owner@shop.example", "not the password"))
                .isEqualTo(Texts.en("login.failed"));
        DocScreenshots.take(browser, "login");
        Accessibility.assertNoSeriousViolations(browser, "login-failed");

        DashboardPage again = LoginPage.open(browser, baseUrl).signIn("owner@shop.example",
                "correct horse battery staple");
        assertThat(again.signedInAs()).isEqualTo("Olivia Owner");
        // setup is over: the page is gone for good
        browser.get(baseUrl + "/setup");
        assertThat(browser.getPageSource()).doesNotContain("businessName");
    }
}
