package dev.livecheck.portal.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.livecheck.portal.TestData;
import dev.livecheck.portal.TwoTenantsWebTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Sign-in, CSRF, security headers, roles and tenant isolation across the portal's pages. */
class PortalSecurityTest extends TwoTenantsWebTest {

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
}
