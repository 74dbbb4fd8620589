package dev.livecheck.portal.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livecheck.persistence.business.Business;
import dev.livecheck.persistence.business.Businesses;
import dev.livecheck.persistence.profiles.CheckProfiles;
import dev.livecheck.persistence.users.PortalUsers;
import dev.livecheck.persistence.users.Role;
import dev.livecheck.portal.TestData;
import dev.livecheck.portal.security.PortalPrincipal;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * Behind a TLS reverse proxy (docs/operations.md) the portal sees plain HTTP from the proxy plus X-Forwarded-* headers.
 * With the shipped {@code server.forward-headers-strategy=native}, headers from a trusted (internal) address make the
 * request count as HTTPS: HSTS is sent, the session cookie is Secure and redirects, also the one after signing in, stay
 * on https. The same headers from an address outside {@code server.tomcat.remoteip.internal-proxies} change nothing.
 * Real HTTP from 127.0.0.1, as nginx on the same host sends it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:forwarded;DB_CLOSE_DELAY=-1")
@ActiveProfiles("test")
class ForwardedHeadersTest {
    private static final String PUBLIC_HOST = "id.acme.test";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @LocalServerPort
    int port;
    @Autowired
    PortalUsers users;
    @Autowired
    CheckProfiles profiles;
    @Autowired
    ApplicationContext context;

    PortalPrincipal owner;

    @BeforeEach
    void tenant() {
        TestData data = new TestData(context);
        Business business = data.business("Proxy " + UUID.randomUUID());
        owner = data.user(business, Role.OWNER);
    }

    @Test
    void forwardedHttpsFromTheLocalProxyGivesSecureCookieHstsAndHttpsRedirects() throws Exception {
        HttpResponse<String> loginPage = send(get("/login", true));
        assertThat(loginPage.statusCode()).isEqualTo(200);
        assertThat(loginPage.headers().firstValue("Strict-Transport-Security")).isPresent();
        assertThat(sessionCookie(loginPage)).get().asString().contains("; Secure");

        HttpResponse<String> signIn = send(login(loginPage, true));
        assertThat(signIn.statusCode()).isEqualTo(302);
        assertThat(signIn.headers().firstValue("Location")).get().asString().startsWith("https://" + PUBLIC_HOST + "/");
        assertThat(sessionCookie(signIn)).get().asString().contains("; Secure");

        HttpResponse<String> protectedPage = send(get("/dashboard", true));
        assertThat(protectedPage.headers().firstValue("Location")).contains("https://" + PUBLIC_HOST + "/login");
    }

    @Test
    void withoutForwardedHeadersNothingClaimsHttps() throws Exception {
        HttpResponse<String> loginPage = send(get("/login", false));
        assertThat(loginPage.headers().firstValue("Strict-Transport-Security")).isEmpty();
        assertThat(sessionCookie(loginPage)).get().asString().doesNotContain("Secure");

        HttpResponse<String> signIn = send(login(loginPage, false));
        assertThat(signIn.headers().firstValue("Location")).get().asString()
                .startsWith("http://localhost:" + port + "/");
    }

    /** 127.0.0.1 is not a trusted proxy here, as a client on the internet is not by default. */
    @Nested
    @TestPropertySource(properties = "server.tomcat.remoteip.internal-proxies=192\\.0\\.2\\.1")
    class FromAnUntrustedAddress {

        @Test
        void forwardedHeadersAreIgnored() throws Exception {
            HttpResponse<String> loginPage = send(get("/login", true));
            assertThat(loginPage.headers().firstValue("Strict-Transport-Security")).isEmpty();
            assertThat(sessionCookie(loginPage)).get().asString().doesNotContain("Secure");

            HttpResponse<String> signIn = send(login(loginPage, true));
            assertThat(signIn.statusCode()).isEqualTo(302);
            assertThat(signIn.headers().firstValue("Location")).get().asString()
                    .startsWith("http://localhost:" + port + "/");
        }
    }

    private HttpRequest get(String path, boolean viaProxy) {
        return builder(path, viaProxy).GET().build();
    }

    private HttpRequest login(HttpResponse<String> loginPage, boolean viaProxy) {
        Matcher csrf = CSRF.matcher(loginPage.body());
        assertThat(csrf.find()).as("CSRF field on the login page").isTrue();
        String form = "_csrf=" + encode(csrf.group(1)) + "&email=" + encode(owner.getUsername())
                + "&password=" + encode(TestData.PASSWORD);
        String cookie = sessionCookie(loginPage).orElseThrow().split(";", 2)[0];
        return builder("/login", viaProxy).header("Cookie", cookie)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
    }

    /** What nginx sends in docs/operations.md: the client's scheme, host and port. */
    private HttpRequest.Builder builder(String path, boolean viaProxy) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (viaProxy) {
            builder.header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", PUBLIC_HOST)
                    .header("X-Forwarded-Port", "443").header("X-Forwarded-For", "203.0.113.7");
        }
        return builder;
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static Optional<String> sessionCookie(HttpResponse<?> response) {
        List<String> cookies = response.headers().allValues("Set-Cookie");
        return cookies.stream().filter(c -> c.startsWith("SESSION=")).findFirst();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
