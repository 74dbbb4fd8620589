package dev.livecheck.portal.sessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.livecheck.persistence.business.Business;
import dev.livecheck.persistence.business.Businesses;
import dev.livecheck.persistence.profiles.CheckProfile;
import dev.livecheck.persistence.profiles.CheckProfiles;
import dev.livecheck.persistence.sessions.CaptureTokens;
import dev.livecheck.persistence.sessions.VerificationSession;
import dev.livecheck.persistence.sessions.VerificationSessions;
import dev.livecheck.persistence.users.PortalUser;
import dev.livecheck.persistence.users.PortalUsers;
import dev.livecheck.persistence.users.Role;
import dev.livecheck.portal.security.PortalPrincipal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The session list: links to reports and details, the date filters, and the export link carrying the filters. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:session-list-tests;DB_CLOSE_DELAY=-1")
@AutoConfigureMockMvc
@ActiveProfiles("test")
class SessionListTest {
    private static final String BCRYPT = "{bcrypt}$2a$10$7EqJtq98hPqEX7fNZaFWoOhi5BWX4Z3ZsHGCsXyPp1RNzvE9TkZS.";

    @Autowired
    MockMvc mvc;
    @Autowired
    Businesses businesses;
    @Autowired
    PortalUsers users;
    @Autowired
    CheckProfiles profiles;
    @Autowired
    VerificationSessions sessions;

    PortalPrincipal reviewer;
    CheckProfile profile;

    @BeforeEach
    void tenant() {
        Business business = businesses.insert(Business.create("Acme", Instant.now()));
        PortalUser u = users.insert(PortalUser.create(business.id(), "reviewer." + UUID.randomUUID() + "@acme.test",
                "Rene Reviewer", BCRYPT, Role.REVIEWER, Instant.now()));
        reviewer = new PortalPrincipal(u.id(), business.id(), u.email(), u.displayName(), Role.REVIEWER, true, false,
                u.passwordHash());
        profile = profiles.insert(CheckProfile.create(business.id(), "Default", "https://example.test/ok",
                "Check", "Open {link}", Instant.now()));
    }

    @Test
    void eachRowLinksToTheReportAndToTheDetails() throws Exception {
        VerificationSession s = session("Linda Linked", "2026-03-02T10:00:00Z");
        mvc.perform(get("/sessions").with(user(reviewer)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/sessions/" + s.id() + "/report\"")))
                .andExpect(content().string(containsString("href=\"/sessions/" + s.id() + "\"")));
    }

    @Test
    void theDetailPageLinksToTheReportAndShowsItsDates() throws Exception {
        VerificationSession s = session("Dora Detail", "2026-03-02T10:00:00Z");
        mvc.perform(get("/sessions/" + s.id()).with(user(reviewer)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/sessions/" + s.id() + "/report\"")))
                .andExpect(content().string(containsString("2026-03-02 10:00 UTC")));
        mvc.perform(get("/sessions/" + s.id() + "/report").with(user(reviewer)))
                .andExpect(content().string(containsString("href=\"/sessions/" + s.id() + "\"")));
    }

    @Test
    void fromAndToAreWholeDaysBothInclusiveLikeTheExport() throws Exception {
        session("Before Bert", "2026-02-28T23:59:59Z");
        session("First Fiona", "2026-03-01T00:00:00Z");
        session("Last Lars", "2026-03-02T23:59:59Z");
        session("After Anna", "2026-03-03T00:00:00Z");

        String page = body(get("/sessions").param("from", "2026-03-01").param("to", "2026-03-02"));
        assertThat(page).contains("First Fiona", "Last Lars").doesNotContain("Before Bert", "After Anna");
        assertThat(page).contains("value=\"2026-03-01\"", "value=\"2026-03-02\"");

        String csv = body(get("/sessions/export.csv").param("from", "2026-03-01").param("to", "2026-03-02"));
        assertThat(csv).contains("First Fiona", "Last Lars").doesNotContain("Before Bert", "After Anna");

        assertThat(body(get("/sessions").param("from", "2026-03-03"))).contains("After Anna")
                .doesNotContain("Last Lars");
        assertThat(body(get("/sessions").param("to", "2026-02-28"))).contains("Before Bert")
                .doesNotContain("First Fiona");
        // Empty fields, as an unfilled date input submits them, filter nothing.
        assertThat(body(get("/sessions").param("from", "").param("to", "")))
                .contains("Before Bert", "First Fiona", "Last Lars", "After Anna");
    }

    @Test
    void theExportLinkCarriesTheCurrentFilters() throws Exception {
        session("Erik Export", "2026-03-02T10:00:00Z");
        mvc.perform(get("/sessions").with(user(reviewer)).param("state", "ONGOING").param("q", "Erik E")
                        .param("from", "2026-03-01").param("to", "2026-03-05"))
                .andExpect(content().string(containsString(
                        "href=\"/sessions/export.csv?state=ONGOING&amp;q=Erik%20E&amp;from=2026-03-01&amp;to=2026-03-05\"")))
                .andExpect(content().string(containsString(
                        "value=\"2026-03-05\"")));
        mvc.perform(get("/sessions").with(user(reviewer)))
                .andExpect(content().string(containsString("href=\"/sessions/export.csv\"")))
                .andExpect(content().string(not(containsString("export.csv?"))));
    }

    @Test
    void anInvalidDateIsABadRequest() throws Exception {
        mvc.perform(get("/sessions").with(user(reviewer)).param("from", "2026-13-45"))
                .andExpect(status().isBadRequest());
    }

    private VerificationSession session(String name, String createdAt) {
        return sessions.insert(VerificationSession.open(profile, name, "r@example.test", null,
                CaptureTokens.hash(CaptureTokens.newToken()), Instant.parse(createdAt)));
    }

    private String body(MockHttpServletRequestBuilder request) throws Exception {
        return new String(mvc.perform(request.with(user(reviewer))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
    }
}
