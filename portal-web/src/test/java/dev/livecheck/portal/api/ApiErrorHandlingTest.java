package dev.livecheck.portal.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.ResponseEntity;

/** Every way to miss an endpoint still answers the API's JSON error, never the portal's error page. */
@ExtendWith(OutputCaptureExtension.class)
class ApiErrorHandlingTest extends ApiIntegrationTest {

    @Test
    void anUnknownPathIsAJson404() {
        for (String path : new String[] {"/nope", "/sessions/" + UUID.randomUUID() + "/tracked-devices",
                "/supported-documents", "/sessions/a/b/c/d/e"}) {
            SignedApiClient.Response response = client.get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.header("Content-Type")).as(path).startsWith("application/json");
            assertThat(json(response).get("code").asString()).as(path).isEqualTo("NOT_FOUND");
        }
    }

    @Test
    void aKnownPathWithAnotherMethodIsA405NamingTheAllowedOnes() {
        SignedApiClient.Response response = client.get("/sessions");

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.header("Allow")).contains("POST");
        assertThat(json(response).get("code").asString()).isEqualTo("METHOD_NOT_ALLOWED");
        SignedApiClient.Response put = client.send(client.prepare("PUT", "/sessions/" + UUID.randomUUID(),
                MINIMAL.getBytes(StandardCharsets.UTF_8)));
        assertThat(put.statusCode()).isEqualTo(405);
        assertThat(put.header("Allow")).contains("GET", "DELETE");
    }

    @Test
    void aBodyThatIsNotJsonIsA415() {
        SignedApiClient.Prepared signed = client.prepare("POST", "/sessions", MINIMAL.getBytes(StandardCharsets.UTF_8));
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl() + "/sessions?" + signed.query()))
                .header("X-Yoti-Auth-Digest", signed.signature())
                .header("Content-Type", "text/plain")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(signed.body())).build();
        var response = send(request);

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(JSON.readTree(response.body()).get("code").asString()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
        assertThat(sessionCount(tenant)).isZero();
    }

    @Test
    void anAcceptHeaderThatExcludesJsonIsA406InJson() {
        UUID id = create(MINIMAL);
        SignedApiClient.Prepared signed = client.prepare("GET", "/sessions/" + id, null);
        var response = send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl() + "/sessions/" + id
                        + "?" + signed.query()))
                .header("X-Yoti-Auth-Digest", signed.signature()).header("Accept", "text/html").GET().build());

        assertThat(response.statusCode()).isEqualTo(406);
        assertThat(JSON.readTree(response.body()).get("code").asString()).isEqualTo("NOT_ACCEPTABLE");
    }

    @Test
    void anOversizedBodyIsA413AndStoresNothing() {
        String huge = "{\"user_tracking_id\":\"" + "x".repeat(70_000) + "\"}";

        SignedApiClient.Response response = client.post("/sessions", huge);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(json(response).get("code").asString()).isEqualTo("PAYLOAD_TOO_LARGE");
        assertThat(sessionCount(tenant)).isZero();
    }

    @Test
    void anUnexpectedFailureIsA500WithoutInternalsAndIsLogged(CapturedOutput log) {
        ResponseEntity<ApiError> answer = ApiErrors.answer(new IllegalStateException("secret detail /etc/passwd"));

        assertThat(answer.getStatusCode().value()).isEqualTo(500);
        assertThat(answer.getBody().code()).isEqualTo("INTERNAL_ERROR");
        assertThat(answer.getBody().message()).doesNotContain("secret").doesNotContain("IllegalState");
        assertThat(answer.getHeaders().getContentType()).hasToString("application/json");
        assertThat(log.getOut()).contains("secret detail /etc/passwd");
    }

    @Test
    void theWebEntryPathIsLeftToItsOwnPages() {
        var response = send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl()
                + "/web/unknown-page")).GET().build());

        assertThat(response.statusCode()).isNotEqualTo(401);
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).doesNotContain("\"code\":\"NOT_FOUND\"");
    }

    private static java.net.http.HttpResponse<byte[]> send(java.net.http.HttpRequest request) {
        try {
            return java.net.http.HttpClient.newHttpClient().send(request,
                    java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
