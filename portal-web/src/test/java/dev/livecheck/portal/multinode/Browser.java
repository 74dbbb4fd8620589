package dev.livecheck.portal.multinode;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser behind a load balancer: one cookie jar, requests to whichever node the test names. Redirects are not
 * followed, so every 302 and its Location can be checked. CSRF tokens are read from the forms the portal renders.
 */
final class Browser {
    static final String SESSION_COOKIE = "SESSION";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();

    HttpResponse<String> get(PortalNode node, String path) {
        return send(HttpRequest.newBuilder(node.uri(path)).timeout(TIMEOUT).GET().build());
    }

    /** Loads {@code formPath} on {@code formNode} for its CSRF token, then posts {@code fields} to {@code node}. */
    HttpResponse<String> submit(PortalNode formNode, String formPath, PortalNode node, String action,
                                Map<String, String> fields) {
        return send(postRequest(node, action, fields, csrfFrom(formNode, formPath)));
    }

    /** Like {@link #submit} with the form and the post on the same node. */
    HttpResponse<String> submit(PortalNode node, String formPath, String action, Map<String, String> fields) {
        return submit(node, formPath, node, action, fields);
    }

    /** Sends a prepared POST without waiting, for races. */
    CompletableFuture<HttpResponse<String>> sendAsync(HttpRequest request) {
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    HttpRequest postRequest(PortalNode node, String action, Map<String, String> fields, String csrf) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("_csrf", csrf);
        String body = all.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return HttpRequest.newBuilder(node.uri(action)).timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    String csrfFrom(PortalNode node, String formPath) {
        HttpResponse<String> page = get(node, formPath);
        assertThat(page.statusCode()).as("GET %s on %s", formPath, node).isEqualTo(200);
        Matcher m = CSRF.matcher(page.body());
        assertThat(m.find()).as("CSRF token in %s on %s", formPath, node).isTrue();
        return m.group(1);
    }

    /** Signs in through {@code node}'s login form; returns where the portal sent the browser. */
    String signIn(PortalNode node, String email, String password) {
        HttpResponse<String> response = submit(node, "/login", "/login", Map.of("email", email, "password", password));
        assertThat(response.statusCode()).as("sign-in on %s", node).isEqualTo(302);
        return location(response);
    }

    Optional<String> sessionCookie() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> SESSION_COOKIE.equals(c.getName()))
                .map(HttpCookie::getValue).findFirst();
    }

    /** A browser holding nothing but this one session cookie, presented to {@code node}. */
    static Browser withSessionCookie(PortalNode node, String value) {
        Browser browser = new Browser();
        HttpCookie cookie = new HttpCookie(SESSION_COOKIE, value);
        cookie.setPath("/");
        cookie.setVersion(0);
        browser.cookies.getCookieStore().add(node.uri("/"), cookie);
        return browser;
    }

    static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location").orElse("");
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
