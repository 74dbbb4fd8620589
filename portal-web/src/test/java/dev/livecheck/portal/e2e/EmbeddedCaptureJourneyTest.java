package dev.livecheck.portal.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.livecheck.persistence.applications.ApiApplication;
import dev.livecheck.persistence.applications.ApiApplications;
import dev.livecheck.persistence.profiles.CheckProfile;
import dev.livecheck.persistence.profiles.CheckProfiles;
import dev.livecheck.persistence.sessions.CaptureTokens;
import dev.livecheck.persistence.sessions.SessionApiRequest;
import dev.livecheck.persistence.sessions.SessionApiRequests;
import dev.livecheck.persistence.sessions.SessionState;
import dev.livecheck.persistence.sessions.VerificationSession;
import dev.livecheck.persistence.sessions.VerificationSessions;
import dev.livecheck.persistence.users.Role;
import dev.livecheck.portal.e2e.pages.CapturePage;
import dev.livecheck.portal.e2e.pages.LoginPage;
import dev.livecheck.portal.e2e.pages.SessionReportPage;
import dev.livecheck.persistence.support.Sha256;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The SDK's web entry embedded in the business's own site: a page on another origin (the business site on
 * 127.0.0.1, the portal on localhost: different sites, so no cookie of ours would reach the frame) shows the capture
 * page in {@code <iframe allow="camera">} for an API session whose application allows that origin. The fake camera
 * completes an attempt inside the frame, the parent page's own script receives the outcome message, nothing
 * navigates on its own, the person's Continue takes the whole window to the business's success page, and the
 * session's report shows the attempt.
 */
class EmbeddedCaptureJourneyTest extends ScriptedChallengesJourney {

    private static final Duration MESSAGE = Duration.ofSeconds(15);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    CheckProfiles profiles;
    @Autowired
    ApiApplications applications;
    @Autowired
    VerificationSessions sessions;
    @Autowired
    SessionApiRequests apiRequests;

    @Test
    void theEmbeddedPageCapturesInsideTheFrameAndTellsTheParentTheOutcome() throws Exception {
        Tenants.SignUp shop = tenants().signUp("Embedding Shop", Role.ADMIN, "Ada Admin");
        String token = CaptureTokens.newToken();
        VerificationSession session = apiSession(shop, token);
        String embedPath = "/checkout/verify-" + session.id();
        String embedUrl = site().url(embedPath);
        site().serve(embedPath, parentPage(baseUrl + "/idverify/v1/web/index.html?sessionID=" + session.id()
                + "&sessionToken=" + token));

        ChromeDriver browser = browsers.open(FakeCamera.BONA_FIDE);
        browser.get(embedUrl);
        WebElement frame = new WebDriverWait(browser, MESSAGE)
                .until(ExpectedConditions.presenceOfElementLocated(By.id("livecheck")));
        CapturePage capture = CapturePage.inFrame(browser, frame);
        assertThat(capture.privacyPolicyLink().getDomAttribute("href")).isEqualTo(site().url("/privacy"));
        assertThat(capture.privacyPolicyLink().getDomAttribute("target")).isEqualTo("_blank");
        capture.allowCamera().waitUntilReady().start();
        assertThat(capture.waitForFinal()).isEqualTo(Texts.en("capture.final.APPROVE"));
        assertThat(capture.finalNext()).isEqualTo(Texts.en("capture.final.continueEmbedded"));
        assertThat(capture.continueLink().getDomAttribute("target")).isEqualTo("_top");
        assertThat(capture.continueLink().getDomAttribute("href")).isEqualTo(site().url("/welcome"));

        browser.switchTo().defaultContent();
        String receivedText = new WebDriverWait(browser, MESSAGE).until(d -> {
            String text = d.findElement(By.id("received")).getText();
            return text.isBlank() ? null : text;
        });
        JsonNode received = JSON.readTree(receivedText);
        assertThat(received.get("origin").asString()).isEqualTo(baseUrl);
        JsonNode message = received.get("data");
        assertThat(message.get("type").asString()).isEqualTo("livecheck:result");
        assertThat(message.get("sessionId").asString()).isEqualTo(session.id().toString());
        assertThat(message.get("recommendation").asString()).isEqualTo("APPROVE");
        assertThat(message.get("final").asBoolean()).isTrue();
        assertThat(message.get("redirect").asString()).isEqualTo(site().url("/welcome"));
        // Not framed, the page would redirect 2.5 s after the result; framed it leaves that to the person.
        assertThatThrownBy(() -> new WebDriverWait(browser, Duration.ofSeconds(4))
                .until(d -> !d.getCurrentUrl().equals(embedUrl))).isInstanceOf(TimeoutException.class);
        assertThat(Browsers.consoleErrors(browser)).as("console of the parent and the frame").isEmpty();

        browser.switchTo().frame(browser.findElement(By.id("livecheck")));
        capture.continueLink().click();
        new WebDriverWait(browser, MESSAGE).until(d -> d.getCurrentUrl().equals(site().url("/welcome")));
        assertThat(site().visits()).contains("/welcome");

        VerificationSession after = sessions.findByBusinessIdAndId(shop.businessId(), session.id()).orElseThrow();
        assertThat(after.state()).isEqualTo(SessionState.COMPLETED);
        assertThat(after.biometricConsentAt()).isNotNull();
        ChromeDriver portal = signedIn(shop.account());
        SessionReportPage report = SessionReportPage.open(portal, baseUrl, session.id());
        assertThat(report.state()).contains(Texts.en("reports.state.COMPLETED"));
        assertThat(report.attempts()).hasSize(1);
        assertThat(report.recommendationOf(1)).isEqualTo(Texts.en("reports.recommendation.APPROVE"));
        assertThat(report.loadedImageWidthsOf(1)).hasSize(3).allSatisfy(w -> assertThat(w).isGreaterThan(100L));
    }

    /**
     * What the session API stores for a new session: the business's profile (its own redirects, replaced by the
     * request's), an application that allows the business site's origin to embed the page, the session with its
     * token's hash, and the request's sdk_config.
     */
    private VerificationSession apiSession(Tenants.SignUp shop, String token) throws NoSuchAlgorithmException {
        Instant now = Instant.now();
        CheckProfile profile = profiles.insert(CheckProfile.create(shop.businessId(), "API", site().url("/profile"),
                "Subject", "Open {link}", now).withLimits(3, 2, 72, 30));
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        byte[] publicKey = generator.generateKeyPair().getPublic().getEncoded();
        ApiApplication application = applications.insert(ApiApplication.create(shop.businessId(), "Shop site",
                profile.id(), Base64.getEncoder().encodeToString(publicKey), Sha256.hex(publicKey),
                List.of(site().origin()), "sealed-secret", shop.userId(), now));
        VerificationSession session = sessions.insert(VerificationSession.openForApi(profile, application.id(), 3,
                "shopper-42", CaptureTokens.hash(token), now.plus(Duration.ofHours(1)), now));
        apiRequests.insert(new SessionApiRequest(session.id(), shop.businessId(), 3600, 7200,
                now.plus(Duration.ofHours(2)), "#6a1b9a", "en", site().url("/welcome"), site().url("/sorry"),
                site().url("/privacy"), null, null, null, null));
        return session;
    }

    /** The business's checkout page: the capture page in a frame, and a script that writes down what it is told. */
    private static String parentPage(String captureUrl) {
        return """
                <!DOCTYPE html><html lang="en"><head><title>Example Shop: verify</title></head><body><main>
                <h1>Verify your identity</h1>
                <iframe id="livecheck" src="%s" allow="camera" title="Liveness check" width="480" height="640"></iframe>
                <pre id="received"></pre></main>
                <script>
                  window.addEventListener('message', (event) => {
                    document.getElementById('received').textContent =
                        JSON.stringify({ origin: event.origin, data: event.data });
                  });
                </script></body></html>
                """.formatted(captureUrl.replace("&", "&amp;"));
    }
}
