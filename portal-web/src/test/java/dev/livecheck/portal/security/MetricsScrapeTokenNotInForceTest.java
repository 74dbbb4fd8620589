package dev.livecheck.portal.security;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.livecheck.persistence.users.Role;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Where the scrape token is not in force, the prometheus endpoint behaves as it did before the token existed: without
 * a configured token an exposed endpoint needs a sign-in (the sign-in redirect, whatever bearer header is sent), and a
 * configured token opens nothing while the endpoint is not exposed.
 */
class MetricsScrapeTokenNotInForceTest {
    static final String METRICS = "/actuator/prometheus";

    static PortalPrincipal reviewer() {
        return new PortalPrincipal(UUID.randomUUID(), UUID.randomUUID(), "reviewer@acme.test", "Rita", Role.REVIEWER,
                true, false, "{noop}unused");
    }

    @Nested
    @SpringBootTest(properties = {"spring.datasource.url=jdbc:h2:mem:metrics-no-token;DB_CLOSE_DELAY=-1",
            "management.endpoints.web.exposure.include=health,prometheus"})
    @AutoConfigureMockMvc
    @ActiveProfiles("test")
    class ExposedWithoutToken {
        @Autowired
        MockMvc mvc;

        @Test
        void aScraperIsSentToTheSignInAndASignedInUserGetsTheMetrics() throws Exception {
            mvc.perform(get(METRICS)).andExpect(redirectedUrl("/login"));
            mvc.perform(get(METRICS).header("Authorization", "Bearer " + MetricsScrapeTokenTest.TOKEN))
                    .andExpect(redirectedUrl("/login"));
            mvc.perform(get(METRICS).with(user(reviewer()))).andExpect(status().isOk());
        }
    }

    @Nested
    @SpringBootTest(properties = {"spring.datasource.url=jdbc:h2:mem:metrics-not-exposed;DB_CLOSE_DELAY=-1",
            "livecheck.metrics.scrape-token-sha256=" + MetricsScrapeTokenTest.TOKEN_SHA256})
    @AutoConfigureMockMvc
    @ActiveProfiles("test")
    class TokenWithoutExposure {
        @Autowired
        MockMvc mvc;

        @Test
        void theTokenChangesNothing() throws Exception {
            mvc.perform(get(METRICS).header("Authorization", "Bearer " + MetricsScrapeTokenTest.TOKEN))
                    .andExpect(redirectedUrl("/login"));
            mvc.perform(get(METRICS)).andExpect(redirectedUrl("/login"));
            mvc.perform(get(METRICS).with(user(reviewer()))).andExpect(status().isNotFound());
        }
    }
}
