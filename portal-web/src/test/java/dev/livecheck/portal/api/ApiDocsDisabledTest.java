package dev.livecheck.portal.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import dev.livecheck.persistence.business.Business;
import dev.livecheck.persistence.business.Businesses;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** livecheck.api.docs.enabled=false removes the OpenAPI document and Swagger UI, and only them. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:api-docs-off;DB_CLOSE_DELAY=-1", "livecheck.api.docs.enabled=false"})
@ActiveProfiles("test")
class ApiDocsDisabledTest {

    @LocalServerPort
    int port;
    @Autowired
    Businesses businesses;

    @Test
    void neitherTheDocumentNorSwaggerUiIsServed() throws Exception {
        businesses.insert(Business.create("Set up", Instant.now()));  // past first-run setup, which redirects all
        for (String path : new String[] {"/v3/api-docs", "/v3/api-docs/swagger-config", "/swagger-ui/index.html",
                "/swagger-ui.html"}) {
            assertThat(status(path)).as(path).isEqualTo(404);
        }
        assertThat(status("/login")).isEqualTo(200);
    }

    private int status(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .GET().build(), java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
