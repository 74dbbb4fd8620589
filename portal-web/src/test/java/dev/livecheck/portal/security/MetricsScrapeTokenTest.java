package dev.livecheck.portal.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.livecheck.persistence.business.Business;
import dev.livecheck.persistence.business.Businesses;
import dev.livecheck.persistence.users.Role;
import dev.livecheck.portal.LivecheckApplication;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A Prometheus scraper with the installation's token, through the real security chain: the token opens the
 * prometheus endpoint (and only it) without a session, a wrong or missing one gets a bare 401 a scraper understands,
 * guessing waits, and portal users keep their way in. The hash below is {@code printf '%s' TOKEN | sha256sum}.
 */
@SpringBootTest(properties = {"spring.datasource.url=jdbc:h2:mem:metrics-scrape-token;DB_CLOSE_DELAY=-1",
        "management.endpoints.web.exposure.include=health,prometheus",
        "livecheck.metrics.scrape-token-sha256=" + MetricsScrapeTokenTest.TOKEN_SHA256})
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(MetricsScrapeTokenTest.Fakes.class)
class MetricsScrapeTokenTest {
    static final String TOKEN = "b6e3f4a2922c0cd51a5fee1b81feee71671cccaea87292e9e9efbdbf45a1eafc";
    static final String TOKEN_SHA256 = "5760f644fadb59ec5d5337b5953831a028237e1119fcb15373bdea747e2857af";
    static final String METRICS = "/actuator/prometheus";

    @TestConfiguration
    static class Fakes {
        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock(Instant.parse("2026-01-05T09:00:00Z"));
        }
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    MutableClock clock;
    @Autowired
    Businesses businesses;
    @Autowired
    JdbcClient jdbc;

    Business business;
    String address;

    @BeforeEach
    void setUp() {
        business = businesses.insert(Business.create("Acme " + UUID.randomUUID(), clock.instant()));
        address = "198.51.100." + (int) (Math.random() * 250 + 1);
        // past any window an earlier test's failures opened
        clock.advance(Duration.ofMinutes(5));
    }

    @Test
    void theTokenScrapesTheCaptureMetricsWithoutASession() throws Exception {
        MvcResult result = mvc.perform(scrape("Bearer " + TOKEN)).andExpect(status().isOk())
                .andExpect(content().string(containsString(
                        "livecheck_capture_frames_analysed_total")))
                .andReturn();
        assertThat(result.getResponse().getHeaders("Set-Cookie")).isEmpty();
        assertThat(result.getRequest().getSession(false)).isNull();
        // the scheme's name is case-insensitive (RFC 9110)
        mvc.perform(scrape("bearer " + TOKEN)).andExpect(status().isOk());
    }

    @Test
    void aWrongTokenOrNoneGetsABare401NotTheSignInRedirect() throws Exception {
        for (String authorization : new String[] {"Bearer " + TOKEN_SHA256, "Bearer ", null, "Basic Zm9vOmJhcg=="}) {
            MockHttpServletResponse response = mvc.perform(scrape(authorization))
                    .andExpect(status().isUnauthorized()).andExpect(header().string("WWW-Authenticate", "Bearer"))
                    .andReturn().getResponse();
            assertThat(response.getContentAsString()).as(authorization).isEmpty();
            assertThat(response.getHeaders("Set-Cookie")).as(authorization).isEmpty();
        }
        // two wrong bearer tokens (the empty one too) from this address: audited once in the window
        assertThat(failuresAudited()).isEqualTo(1);
    }

    @Test
    void theTokenOpensNothingElse() throws Exception {
        for (String page : new String[] {"/dashboard", "/sessions", "/audit", "/actuator/env"}) {
            mvc.perform(get(page).header("Authorization", "Bearer " + TOKEN).with(from(address)))
                    .andExpect(redirectedUrl("/login"));
        }
        // and a wrong token elsewhere is no token: not counted, not audited
        for (int i = 0; i < MetricsScrapeFailures.FREE_FAILURES + 1; i++) {
            mvc.perform(get("/dashboard").header("Authorization", "Bearer wrong").with(from(address)))
                    .andExpect(redirectedUrl("/login"));
        }
        assertThat(failuresAudited()).isZero();
        mvc.perform(scrape("Bearer " + TOKEN)).andExpect(status().isOk());
    }

    @Test
    void signedInPortalUsersStillReachIt() throws Exception {
        for (Role role : Role.values()) {
            mvc.perform(get(METRICS).with(user(principal(role))).with(from(address)))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("livecheck_capture_")));
        }
        // a wrong token is refused even with a session: a credential presented is the one judged
        mvc.perform(scrape("Bearer wrong").with(user(principal(Role.OWNER)))).andExpect(status().isUnauthorized());
    }

    @Test
    void guessingFromOneAddressWaitsForTheWindowToEnd() throws Exception {
        for (int i = 0; i < MetricsScrapeFailures.FREE_FAILURES; i++) {
            mvc.perform(scrape("Bearer guess-" + i)).andExpect(status().isUnauthorized());
        }
        clock.advance(Duration.ofSeconds(20));
        // refused unchecked, the right token too, until the minute is over
        mvc.perform(scrape("Bearer " + TOKEN)).andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", "40"));
        // another address is not held back
        mvc.perform(scrape("Bearer " + TOKEN).with(from("203.0.113.77"))).andExpect(status().isOk());
        clock.advance(Duration.ofSeconds(40));
        mvc.perform(scrape("Bearer " + TOKEN)).andExpect(status().isOk());
        mvc.perform(scrape("Bearer guess-again")).andExpect(status().isUnauthorized());
        // one audit event per window: the first window's and the new one's
        assertThat(failuresAudited()).isEqualTo(2);
    }

    @Test
    void aConfiguredValueThatIsNoSha256StopsTheStart() {
        for (String bad : new String[] {"not-a-hash", TOKEN_SHA256 + "00", TOKEN_SHA256.substring(1) + "g"}) {
            assertThatThrownBy(() -> new SpringApplicationBuilder(LivecheckApplication.class).profiles("test")
                    .run("--spring.datasource.url=jdbc:h2:mem:metrics-bad-hash;DB_CLOSE_DELAY=-1", "--server.port=0",
                            "--livecheck.metrics.scrape-token-sha256=" + bad).close())
                    .as(bad)
                    .rootCause().hasMessageStartingWith("livecheck.metrics.scrape-token-sha256 "
                            + "(LIVECHECK_METRICS_SCRAPE_TOKEN_SHA256) must be the SHA-256 of the scrape token as 64 "
                            + "hex characters")
                    .message().doesNotContain(bad);
        }
    }

    private MockHttpServletRequestBuilder scrape(String authorization) {
        MockHttpServletRequestBuilder request = get(METRICS).with(from(address));
        return authorization == null ? request : request.header("Authorization", authorization);
    }

    private PortalPrincipal principal(Role role) {
        return new PortalPrincipal(UUID.randomUUID(), business.id(), role + "@acme.test", "Someone", role, true,
                false, "{noop}unused");
    }

    private int failuresAudited() {
        return jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE business_id = ? AND action = 'METRICS_TOKEN_FAILED'")
                .param(business.id()).query(Integer.class).single();
    }

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }
}
