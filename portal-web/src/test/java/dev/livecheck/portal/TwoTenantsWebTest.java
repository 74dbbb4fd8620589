package dev.livecheck.portal;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.livecheck.persistence.business.Business;
import dev.livecheck.persistence.profiles.CheckProfile;
import dev.livecheck.persistence.profiles.CheckProfiles;
import dev.livecheck.persistence.users.Role;
import dev.livecheck.portal.email.LinkSealer;
import dev.livecheck.portal.security.PortalPrincipal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The whole portal on H2 (started by the unattended bootstrap) with two businesses: A with an ADMIN, a REVIEWER and
 * a profile, B with an ADMIN. The bootstrap, security, profile and session tests that were one class in the root
 * package extend this, so they share one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:portal;DB_CLOSE_DELAY=-1",
        "livecheck.bootstrap.business-name=Bootstrapped",
        "livecheck.bootstrap.owner-email=owner@bootstrap.test",
        "livecheck.bootstrap.owner-password=bootstrap password"})
@AutoConfigureMockMvc
@ActiveProfiles("test")
public abstract class TwoTenantsWebTest {

    @Autowired
    protected MockMvc mvc;
    @Autowired
    protected JdbcClient jdbc;
    @Autowired
    protected CheckProfiles profiles;
    @Autowired
    protected ApplicationContext context;
    @Autowired
    protected LinkSealer sealer;
    @LocalServerPort
    protected int port;

    protected TestData data;
    protected Business businessA;
    protected Business businessB;
    protected PortalPrincipal adminA;
    protected PortalPrincipal reviewerA;
    protected PortalPrincipal adminB;
    protected CheckProfile profileA;

    @BeforeEach
    void tenants() {
        data = new TestData(context);
        businessA = data.business("A");
        businessB = data.business("B");
        adminA = data.user(businessA, Role.ADMIN);
        reviewerA = data.user(businessA, Role.REVIEWER);
        adminB = data.user(businessB, Role.ADMIN);
        profileA = data.profile(businessA);
    }

    protected static RequestPostProcessor as(PortalPrincipal principal) {
        return user(principal);
    }

    /** A session created through the form by A's admin, its link read once from the created page. */
    protected record Created(UUID sessionId, String link) {
    }

    protected Created createSession() throws Exception {
        MvcResult result = mvc.perform(post("/sessions").with(as(adminA)).with(csrf()).params(sessionForm()))
                .andExpect(status().is3xxRedirection()).andReturn();
        String location = result.getResponse().getRedirectedUrl();
        UUID id = UUID.fromString(location.split("/")[2]);
        String link = sealer.unseal((String) result.getFlashMap().get("sealedCaptureLink"));
        // Flash attributes live in the (Spring Session JDBC) HTTP session: follow the redirect with its cookie.
        var sessionCookie = result.getResponse().getCookie("SESSION");
        mvc.perform(get(location).with(as(adminA)).cookie(sessionCookie))
                .andExpect(content().string(containsString(link)));
        mvc.perform(get(location).with(as(adminA)).cookie(sessionCookie))
                .andExpect(content().string(not(containsString(link))));
        return new Created(id, link);
    }

    protected MultiValueMap<String, String> sessionForm() {
        var form = new LinkedMultiValueMap<String, String>();
        form.add("recipientName", "Rita Recipient");
        form.add("recipientEmail", "rita@example.test");
        form.add("trackingId", "CUST-1");
        form.add("profileId", profileA.id().toString());
        return form;
    }

    protected static MultiValueMap<String, String> profileForm(String name) {
        var form = new LinkedMultiValueMap<String, String>();
        form.add("name", name);
        form.add("livenessType", "ACTIVE");
        form.add("maxRetries", "3");
        form.add("challengeCount", "2");
        form.add("linkLifetimeHours", "72");
        form.add("imageRetentionDays", "30");
        form.add("maxAbandonedAttempts", "7");
        form.add("successRedirectUrl", "https://example.test/ok");
        form.add("errorRedirectUrl", "");
        form.add("brandColour", "#AABBCC");
        form.add("locale", "de");
        form.add("emailSubject", "Check for {name}");
        form.add("emailBodyText", "Hello {name}: {link}");
        return form;
    }

    /** Every value of every table of the schema, as text. */
    protected String databaseText() {
        StringBuilder all = new StringBuilder();
        List<String> tables = jdbc.sql("SELECT table_name FROM information_schema.tables WHERE table_schema = 'PUBLIC'")
                .query(String.class).list();
        for (String table : tables) {
            for (Map<String, Object> row : jdbc.sql("SELECT * FROM \"" + table + "\"").query().listOfRows()) {
                row.values().forEach(v -> all.append(v instanceof byte[] b ? new String(b) : String.valueOf(v)).append('\n'));
            }
        }
        return all.toString();
    }
}
