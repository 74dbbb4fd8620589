package dev.livecheck.portal.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livecheck.portal.TestData;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;

/** Each application has its own budget: one that spends it gets 429 with Retry-After, another is unaffected. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:api-rate;DB_CLOSE_DELAY=-1", "livecheck.api.requests-per-minute=3"})
@ActiveProfiles("test")
class ApiRateLimitTest {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;

    @Test
    void anApplicationOverItsBudgetIsToldWhenToRetry() {
        TestData data = new TestData(context);
        SignedApiClient busy = data.apiTenant("Busy").client("http://localhost:" + port + "/idverify/v1");
        SignedApiClient quiet = data.apiTenant("Quiet").client("http://localhost:" + port + "/idverify/v1");
        String path = "/sessions/" + UUID.randomUUID();

        for (int i = 0; i < 3; i++) {
            assertThat(busy.get(path).statusCode()).isEqualTo(404);
        }
        SignedApiClient.Response refused = busy.get(path);

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(1, 20);
        assertThat(refused.body()).contains("TOO_MANY_REQUESTS");
        assertThat(quiet.get(path).statusCode()).isEqualTo(404);
    }
}
