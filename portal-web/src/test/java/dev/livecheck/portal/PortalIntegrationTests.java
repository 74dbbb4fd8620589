package dev.livecheck.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.livecheck.persistence.business.Business;
import dev.livecheck.persistence.business.Businesses;
import dev.livecheck.persistence.profiles.CheckProfile;
import dev.livecheck.persistence.profiles.CheckProfiles;
import dev.livecheck.persistence.sessions.CaptureTokens;
import dev.livecheck.persistence.users.PortalUsers;
import dev.livecheck.persistence.users.Role;
import dev.livecheck.portal.email.LinkSealer;
import dev.livecheck.portal.security.PortalPrincipal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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

/** The portal end to end on H2: security, roles, tenant isolation, profiles and sessions. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:portal;DB_CLOSE_DELAY=-1",
        "livecheck.bootstrap.business-name=Bootstrapped",
        "livecheck.bootstrap.owner-email=owner@bootstrap.test",
        "livecheck.bootstrap.owner-password=bootstrap password"})
@AutoConfigureMockMvc
@ActiveProfiles("test")
class PortalIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PortalUsers users;
    @Autowired
    CheckProfiles profiles;
    @Autowired
    ApplicationContext context;
    @Autowired
    LinkSealer sealer;
    @LocalServerPort
    int port;

    TestData data;
    Business businessA;
    Business businessB;
    PortalPrincipal adminA;
    PortalPrincipal reviewerA;
    PortalPrincipal adminB;
    CheckProfile profileA;

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

    static RequestPostProcessor as(PortalPrincipal principal) {
        return user(principal);
    }

    @Test
    void bootstrapCreatedTheFirstBusinessWithAuditEvents() {
        assertThat(jdbc.sql("SELECT role FROM portal_user WHERE email = 'owner@bootstrap.test'").query(String.class)
                .single()).isEqualTo("OWNER");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE details LIKE '%bootstrap%'").query(Long.class)
                .single()).isEqualTo(2);
    }

    /** The throttle's attacks (growing delays, no lock, constant time) are SignInAttacksTests'. */
    @Test
    void loginWorksAndAWrongPasswordOrUnknownEmailGetTheSameAnswer() throws Exception {
        mvc.perform(post("/login").with(csrf()).param("email", adminA.getUsername()).param("password", TestData.PASSWORD))
                .andExpect(redirectedUrl("/"));
        mvc.perform(post("/login").with(csrf()).param("email", adminA.getUsername()).param("password", "wrong"))
                .andExpect(redirectedUrl("/login?error"));
        mvc.perform(post("/login").with(csrf()).param("email", "nobody@nowhere.test").param("password", "wrong"))
                .andExpect(redirectedUrl("/login?error"));
        mvc.perform(get("/login").param("error", ""))
                .andExpect(content().string(containsString("the e-mail or password is wrong")));
        mvc.perform(post("/login").with(csrf()).param("email", adminA.getUsername()).param("password", TestData.PASSWORD))
                .andExpect(redirectedUrl("/"));
    }

    @Test
    void postWithoutCsrfTokenIsRefused() throws Exception {
        mvc.perform(post("/profiles").with(as(adminA)).param("name", "x")).andExpect(status().isForbidden());
        mvc.perform(post("/login").param("email", adminA.getUsername()).param("password", TestData.PASSWORD))
                .andExpect(status().isForbidden());
    }

    @Test
    void securityHeadersOnEveryPage() throws Exception {
        for (String page : List.of("/login", "/dashboard", "/profiles", "/profiles/new", "/sessions", "/sessions/new",
                "/outbox", "/audit")) {
            mvc.perform(get(page).with(as(adminA)))
                    .andExpect(status().isOk())
                    .andExpect(header().string("Content-Security-Policy", containsString("script-src 'self'")))
                    .andExpect(header().string("Content-Security-Policy", containsString("frame-ancestors 'none'")))
                    .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                    .andExpect(header().string("Referrer-Policy", "same-origin"))
                    .andExpect(header().string("Permissions-Policy", "camera=(self)"))
                    .andExpect(content().string(not(containsString("<script>"))))
                    .andExpect(content().string(not(containsString("style="))));
        }
    }

    @Test
    void headersAlsoOverRealHttp() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Security-Policy")).get().asString()
                .startsWith("default-src 'self'");
        // Plain HTTP: no HSTS (Spring Security adds it on HTTPS requests only).
        assertThat(response.headers().firstValue("Strict-Transport-Security")).isEmpty();
    }

    @Test
    void unauthenticatedUsersGoToLoginButCaptureAndHealthArePublic() throws Exception {
        mvc.perform(get("/profiles")).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/actuator/health")).andExpect(status().isOk());
    }

    @Test
    void profileValidationShowsErrorsNextToFields() throws Exception {
        var form = profileForm("Bad");
        form.set("maxRetries", "0");
        form.set("successRedirectUrl", "javascript:alert(1)");
        mvc.perform(post("/profiles").with(as(adminA)).with(csrf()).params(form))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Must be at least 1.")))
                .andExpect(content().string(containsString("Must be an http:// or https:// address.")))
                .andExpect(content().string(containsString("is-invalid")));
        assertThat(profiles.findAllByBusinessIdAndArchivedOrderByName(businessA.id(), false)).hasSize(1);
    }

    @Test
    void theAbandonedAttemptsLimitIsValidatedInCheckProfilesRange() throws Exception {
        for (int bad : new int[] {CheckProfile.MIN_MAX_ABANDONED_ATTEMPTS - 1, CheckProfile.MAX_MAX_ABANDONED_ATTEMPTS + 1}) {
            var form = profileForm("Abandons " + bad);
            form.set("maxAbandonedAttempts", String.valueOf(bad));
            mvc.perform(post("/profiles").with(as(adminA)).with(csrf()).params(form))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("is-invalid")));
        }
        assertThat(profiles.findAllByBusinessIdAndArchivedOrderByName(businessA.id(), false)).hasSize(1);
    }

    @Test
    void profileCreateEditArchiveAndConflict() throws Exception {
        mvc.perform(post("/profiles").with(as(adminA)).with(csrf()).params(profileForm("KYC")))
                .andExpect(redirectedUrl("/profiles"));
        CheckProfile kyc = profiles.findAllByBusinessIdAndArchivedOrderByName(businessA.id(), false).stream()
                .filter(p -> p.name().equals("KYC")).findFirst().orElseThrow();
        assertThat(kyc.brandColour()).isEqualTo("#aabbcc");
        assertThat(kyc.maxAbandonedAttempts()).isEqualTo(7);
        mvc.perform(post("/profiles/" + kyc.id()).with(as(adminA)).with(csrf()).params(profileForm("KYC 2"))
                .param("version", String.valueOf(kyc.version()))).andExpect(redirectedUrl("/profiles"));
        mvc.perform(post("/profiles/" + kyc.id()).with(as(adminA)).with(csrf()).params(profileForm("Stale"))
                        .param("version", String.valueOf(kyc.version())))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Someone else changed")));
        mvc.perform(post("/profiles/" + kyc.id() + "/archive").with(as(adminA)).with(csrf()))
                .andExpect(redirectedUrl("/profiles"));
        assertThat(profiles.findByBusinessIdAndId(businessA.id(), kyc.id()).orElseThrow().archived()).isTrue();
    }

    @Test
    void reviewerCannotChangeProfilesOrSessions() throws Exception {
        mvc.perform(get("/profiles/new").with(as(reviewerA))).andExpect(status().isForbidden());
        mvc.perform(post("/profiles").with(as(reviewerA)).with(csrf()).params(profileForm("R")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/sessions").with(as(reviewerA)).with(csrf()).params(sessionForm()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/sessions").with(as(reviewerA))).andExpect(status().isOk());
    }

    @Test
    void anotherBusinessGetsNotFoundForProfilesAndSessions() throws Exception {
        UUID sessionId = createSession().sessionId();
        mvc.perform(get("/profiles/" + profileA.id() + "/edit").with(as(adminB))).andExpect(status().isNotFound());
        mvc.perform(post("/profiles/" + profileA.id()).with(as(adminB)).with(csrf()).params(profileForm("Hijack"))
                .param("version", "0")).andExpect(status().isNotFound());
        mvc.perform(post("/profiles/" + profileA.id() + "/archive").with(as(adminB)).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/sessions/" + sessionId).with(as(adminB))).andExpect(status().isNotFound());
        mvc.perform(post("/sessions/" + sessionId + "/cancel").with(as(adminB)).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/sessions/" + sessionId + "/resend").with(as(adminB)).with(csrf()))
                .andExpect(status().isNotFound());
        // B cannot start a session with A's profile either.
        mvc.perform(post("/sessions").with(as(adminB)).with(csrf()).params(sessionForm()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("is-invalid")));
        assertThat(profiles.findByBusinessIdAndId(businessA.id(), profileA.id()).orElseThrow().archived()).isFalse();
    }

    @Test
    void sessionCreationStoresOnlyTheTokenHash() throws Exception {
        Created created = createSession();
        String token = created.link().substring(created.link().lastIndexOf('/') + 1);
        assertThat(created.link()).startsWith("http://localhost:8080/c/");
        assertThat(jdbc.sql("SELECT capture_token_hash FROM verification_session WHERE id = ?")
                .param(created.sessionId()).query(String.class).single()).isEqualTo(CaptureTokens.hash(token));
        assertThat(databaseText()).doesNotContain(token);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM email_outbox WHERE session_id = ? AND status = 'PENDING'")
                .param(created.sessionId()).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'SESSION_CREATED' AND target_id = ?")
                .param(created.sessionId().toString()).query(Long.class).single()).isEqualTo(1);
        // Without SMTP the outbox page shows the link so an admin can copy it.
        mvc.perform(get("/outbox").with(as(adminA))).andExpect(content().string(containsString(created.link())));
    }

    @Test
    void deletingASessionRemovesTheRecipientFromOutboxAndAuditToo() throws Exception {
        Created created = createSession();
        mvc.perform(post("/sessions/" + created.sessionId() + "/resend").with(as(adminA)).with(csrf()));

        mvc.perform(post("/sessions/" + created.sessionId() + "/delete").with(as(adminA)).with(csrf()))
                .andExpect(redirectedUrl("/sessions"));

        assertThat(jdbc.sql("SELECT COUNT(*) FROM email_outbox WHERE business_id = ?").param(businessA.id())
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT details FROM audit_event WHERE business_id = ? AND target_id = ?")
                .params(businessA.id(), created.sessionId().toString()).query(String.class).list())
                .hasSize(3).allSatisfy(d -> assertThat(d).doesNotContain("rita", "Rita").contains("CUST-1"));
    }

    @Test
    void resendReplacesTheTokenAndCancelEndsTheSession() throws Exception {
        Created first = createSession();
        MvcResult resent = mvc.perform(post("/sessions/" + first.sessionId() + "/resend").with(as(adminA)).with(csrf()))
                .andExpect(redirectedUrl("/sessions/" + first.sessionId() + "/created")).andReturn();
        String newLink = sealer.unseal((String) resent.getFlashMap().get("sealedCaptureLink"));
        assertThat(newLink).isNotEqualTo(first.link());
        String storedHash = jdbc.sql("SELECT capture_token_hash FROM verification_session WHERE id = ?")
                .param(first.sessionId()).query(String.class).single();
        assertThat(storedHash).isEqualTo(CaptureTokens.hash(newLink.substring(newLink.lastIndexOf('/') + 1)));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM email_outbox WHERE session_id = ?").param(first.sessionId())
                .query(Long.class).single()).isEqualTo(2);

        mvc.perform(post("/sessions/" + first.sessionId() + "/cancel").with(as(adminA)).with(csrf()))
                .andExpect(redirectedUrl("/sessions/" + first.sessionId()));
        assertThat(jdbc.sql("SELECT state FROM verification_session WHERE id = ?").param(first.sessionId())
                .query(String.class).single()).isEqualTo("EXPIRED");
        mvc.perform(get("/sessions").with(as(reviewerA)).param("state", "EXPIRED").param("q", "Rita"))
                .andExpect(content().string(containsString("Rita Recipient")));
        mvc.perform(get("/audit").with(as(adminA))).andExpect(content().string(containsString("SESSION_CANCELLED")));
    }

    record Created(UUID sessionId, String link) {
    }

    private Created createSession() throws Exception {
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

    private org.springframework.util.MultiValueMap<String, String> sessionForm() {
        var form = new org.springframework.util.LinkedMultiValueMap<String, String>();
        form.add("recipientName", "Rita Recipient");
        form.add("recipientEmail", "rita@example.test");
        form.add("trackingId", "CUST-1");
        form.add("profileId", profileA.id().toString());
        return form;
    }

    private static org.springframework.util.MultiValueMap<String, String> profileForm(String name) {
        var form = new org.springframework.util.LinkedMultiValueMap<String, String>();
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
    private String databaseText() {
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
