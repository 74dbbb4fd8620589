package dev.livecheck.portal.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livecheck.portal.e2e.Browsers;
import dev.livecheck.portal.e2e.FakeCamera;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

/**
 * The OpenAPI document describes the signed API and nothing else, without signing in; Swagger UI renders it in a real
 * browser under the portal's strict CSP, without a console error.
 */
class ApiDocsTest extends ApiIntegrationTest {

    @RegisterExtension
    final Browsers browsers = new Browsers();

    @Test
    void theDocumentListsEveryEndpointItsSchemasErrorsAndTheSignature() throws Exception {
        HttpResponse<String> response = get("/v3/api-docs");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        JsonNode doc = JSON.readTree(response.body());
        assertThat(doc.get("paths").propertyNames()).containsExactlyInAnyOrder(
                "/idverify/v1/sessions",
                "/idverify/v1/sessions/{sessionId}",
                "/idverify/v1/sessions/{sessionId}/configuration",
                "/idverify/v1/sessions/{sessionId}/report.pdf",
                "/idverify/v1/sessions/{sessionId}/media/{mediaId}",
                "/idverify/v1/sessions/{sessionId}/media/{mediaId}/content");
        JsonNode sessions = doc.get("paths").get("/idverify/v1/sessions");
        assertThat(sessions.propertyNames()).containsExactly("post");
        assertThat(sessions.get("post").get("requestBody").get("content").get("application/json").get("schema")
                .get("$ref").asString()).isEqualTo("#/components/schemas/SessionSpecification");
        assertThat(sessions.get("post").get("responses").propertyNames())
                .contains("201", "400", "401", "405", "409", "413", "415", "429", "500");
        JsonNode session = doc.get("paths").get("/idverify/v1/sessions/{sessionId}");
        assertThat(session.propertyNames()).containsExactlyInAnyOrder("get", "delete");
        assertThat(session.get("get").get("responses").get("404").get("content").get("application/json")
                .get("schema").get("$ref").asString()).isEqualTo("#/components/schemas/ApiError");
        assertThat(session.get("get").get("parameters").valueStream().map(p -> p.get("name").asString()))
                .containsExactly("sessionId");
        assertThat(doc.get("paths").get("/idverify/v1/sessions/{sessionId}/media/{mediaId}").propertyNames())
                .containsExactly("delete");

        JsonNode schemas = doc.get("components").get("schemas");
        assertThat(schemas.propertyNames()).contains("SessionSpecification", "CreateSessionResult", "SessionResult",
                "LivenessResource", "LivenessCheck", "Breakdown", "SessionConfiguration", "ApiError");
        assertThat(schemas.get("SessionResult").get("properties").propertyNames()).containsExactlyInAnyOrder(
                "session_id", "state", "client_session_token_ttl", "user_tracking_id", "biometric_consent",
                "resources", "checks");
        assertThat(schemas.get("SessionSpecification").get("properties").get("client_session_token_ttl")
                .get("maximum").asInt()).isEqualTo(SessionSpecParser.MAX_TOKEN_TTL_SECONDS);
        assertThat(doc.get("components").get("securitySchemes").propertyNames())
                .containsExactlyInAnyOrder("sdkId", "nonce", "timestamp", "signature");
        assertThat(doc.get("components").get("securitySchemes").get("signature").get("name").asString())
                .isEqualTo("X-Yoti-Auth-Digest");
        assertThat(doc.get("paths").propertyNames()).allMatch(p -> p.startsWith("/idverify/v1/sessions"));
    }

    /** Only the documentation's own pages relax the style policy (Swagger UI injects styles); scripts never. */
    @Test
    void swaggerUiRendersTheOperationsWithScriptsStillSelfOnly() throws Exception {
        HttpResponse<String> page = get("/swagger-ui/index.html");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("script-src 'self';", "style-src 'self' 'unsafe-inline';", "frame-ancestors 'none'")
                .doesNotContain("unsafe-eval");
        assertThat(get("/swagger-ui.html").statusCode()).isIn(200, 302);

        ChromeDriver browser = browsers.open(FakeCamera.NONE);
        browser.get("http://localhost:" + port + "/swagger-ui/index.html");
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions
                .numberOfElementsToBeMoreThan(By.cssSelector(".opblock"), 5));

        List<String> paths = browser.findElements(By.cssSelector(".opblock-summary-path")).stream()
                .map(e -> e.getAttribute("data-path")).toList();
        assertThat(paths).contains("/idverify/v1/sessions", "/idverify/v1/sessions/{sessionId}");
        assertThat(Browsers.consoleErrors(browser)).isEmpty();
        assertThat(browser.findElements(By.cssSelector(".try-out__btn"))).as("unsigned requests only fail").isEmpty();
        assertThat(get("/login").headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("style-src 'self';");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
