package dev.livecheck.portal.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livecheck.portal.setup.AddBusinessCommand;
import dev.livecheck.portal.e2e.pages.CapturePage;
import dev.livecheck.portal.e2e.pages.DashboardPage;
import dev.livecheck.portal.e2e.pages.ErrorPage;
import dev.livecheck.portal.e2e.pages.SessionReportPage;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/** Journey 8: the owner of another business cannot reach a session, its images or its rows in an export. */
class TenantIsolationJourneyTest extends ScriptedChallengesJourney {

    @Autowired
    Environment environment;

    @Test
    void anotherBusinessGetsNotFoundForTheSessionItsImagesAndNothingInItsExport() {
        Invitation invitation = invite("Alpha", "Carla Customer", "carla@alpha.example", 3);
        WebDriver alpha = invitation.admin();
        String link = invitation.link();
        WebDriver customer = browsers.open(FakeCamera.BONA_FIDE);
        CapturePage capture = CapturePage.open(customer, link).allowCamera().waitUntilReady().start();
        assertThat(capture.waitForFinal()).isEqualTo(Texts.en("capture.final.APPROVE"));

        SessionReportPage report = DashboardPage.open(alpha, baseUrl).openRecentReport("Carla Customer");
        String reportPath = pathOf(alpha.getCurrentUrl());
        String sessionPath = reportPath.replace("/report", "");
        String imagePath = pathOf(report.imageUrl(1, 0));
        assertThat(fetch(alpha, imagePath).get("status")).isEqualTo(200L);
        assertThat((String) fetch(alpha, "/sessions/export.csv").get("body")).contains("Carla Customer");

        WebDriver beta = signedIn(addBusinessByCommand("Beta", "Bob Beta"));
        assertThat(ErrorPage.open(beta, baseUrl, reportPath).status()).isEqualTo("404");
        assertThat(ErrorPage.open(beta, baseUrl, sessionPath).status()).isEqualTo("404");
        assertThat(ErrorPage.open(beta, baseUrl, imagePath).message()).isEqualTo(Texts.en("error.notFound"));
        assertThat(fetch(beta, imagePath).get("status")).isEqualTo(404L);
        Map<String, Object> export = fetch(beta, "/sessions/export.csv");
        assertThat(export.get("status")).isEqualTo(200L);
        assertThat((String) export.get("body")).doesNotContain("Carla", "alpha.example");
        assertThat(DashboardPage.open(beta, baseUrl).sessionsIn("COMPLETED")).isZero();
    }

    /** The second business comes the way an operator adds one: the jar's add-business command on the same database. */
    private Tenants.Account addBusinessByCommand(String name, String owner) {
        String email = "bob." + UUID.randomUUID() + "@beta.example";
        int exit = AddBusinessCommand.run(new String[] {AddBusinessCommand.NAME, "--name", name, "--owner-name", owner,
            "--owner-email", email, "--spring.datasource.url=" + environment.getProperty("spring.datasource.url")},
                Map.of(AddBusinessCommand.PASSWORD_VARIABLE, Tenants.PASSWORD), System.out, System.err);
        assertThat(exit).as("add-business exit code").isZero();
        return new Tenants.Account(name, email, Tenants.PASSWORD, owner);
    }

    private String pathOf(String url) {
        return url.substring(baseUrl.length());
    }

    /** A same-origin fetch from inside the signed-in page: the browser's own cookies, nothing added by the test. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> fetch(WebDriver browser, String path) {
        return (Map<String, Object>) ((JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0], { credentials: 'same-origin' })
                  .then((r) => r.text().then((body) => done({ status: r.status, body })))
                  .catch((e) => done({ status: -1, body: String(e) }));
                """, path);
    }
}
