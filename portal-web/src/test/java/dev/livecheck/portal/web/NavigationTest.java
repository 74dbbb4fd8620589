package dev.livecheck.portal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
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
import dev.livecheck.portal.TestData;
import dev.livecheck.portal.security.PortalPrincipal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/** The layout's navigation: which entries each role sees, and which one is marked as the current page. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:navigation-tests;DB_CLOSE_DELAY=-1")
@AutoConfigureMockMvc
@ActiveProfiles("test")
class NavigationTest {
    private static final Pattern NAV_LINK = Pattern.compile("<a class=\"nav-link[^\"]*\" href=\"(/[a-z]+)\"([^>]*)>");

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;
    TestData data;
    @Autowired
    Businesses businesses;
    @Autowired
    PortalUsers users;
    @Autowired
    CheckProfiles profiles;
    @Autowired
    VerificationSessions sessions;

    Business business;

    @BeforeEach
    void tenant() {
        data = new TestData(context);
        business = businesses.insert(Business.create("Acme", Instant.now()));
    }

    @Test
    void eachRoleSeesTheEntriesItMayOpen() throws Exception {
        assertThat(navigation(Role.OWNER, "/dashboard").keySet())
                .containsExactly("/dashboard", "/sessions", "/profiles", "/applications", "/outbox", "/deliveries",
                        "/audit", "/users");
        assertThat(navigation(Role.ADMIN, "/dashboard").keySet())
                .containsExactly("/dashboard", "/sessions", "/profiles", "/applications", "/outbox", "/deliveries",
                        "/audit");
        assertThat(navigation(Role.REVIEWER, "/dashboard").keySet()).containsExactly("/dashboard", "/sessions");
    }

    @Test
    void exactlyTheCurrentSectionIsMarked() throws Exception {
        for (String page : List.of("/dashboard", "/sessions", "/profiles", "/applications", "/outbox", "/deliveries",
                "/audit", "/users")) {
            assertThat(current(navigation(Role.OWNER, page))).as(page).containsExactly(page);
        }
        assertThat(current(navigation(Role.OWNER, "/users/new"))).containsExactly("/users");
        assertThat(current(navigation(Role.ADMIN, "/profiles/new"))).containsExactly("/profiles");
        assertThat(current(navigation(Role.ADMIN, "/applications/new"))).containsExactly("/applications");
    }

    @Test
    void aSessionsReportBelongsToSessions() throws Exception {
        CheckProfile profile = profiles.insert(CheckProfile.create(business.id(), "Default", "https://example.test/ok",
                "Check", "Open {link}", Instant.now()));
        VerificationSession s = sessions.insert(VerificationSession.open(profile, "Nina Nav", "n@example.test", null,
                CaptureTokens.hash(CaptureTokens.newToken()), Instant.now()));
        assertThat(current(navigation(Role.REVIEWER, "/sessions/" + s.id() + "/report"))).containsExactly("/sessions");
    }

    @Test
    void theLayoutOffersASkipLinkToTheMainContent() throws Exception {
        String html = page(data.user(business, Role.REVIEWER), "/dashboard");
        assertThat(html).contains("<a class=\"visually-hidden-focusable skip-link\" href=\"#main\">Skip to content</a>")
                .contains("<main class=\"container pb-5\" id=\"main\" tabindex=\"-1\">");
    }

    /** Navigation link → its remaining attributes, in page order. */
    private Map<String, String> navigation(Role role, String path) throws Exception {
        Matcher m = NAV_LINK.matcher(page(data.user(business, role), path));
        Map<String, String> links = new java.util.LinkedHashMap<>();
        while (m.find()) {
            links.put(m.group(1), m.group(2));
        }
        return links;
    }

    private static List<String> current(Map<String, String> navigation) {
        return navigation.entrySet().stream().filter(e -> e.getValue().contains("aria-current=\"page\""))
                .map(Map.Entry::getKey).toList();
    }

    private String page(PortalPrincipal principal, String path) throws Exception {
        return new String(mvc.perform(get(path).with(user(principal))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
    }

}
