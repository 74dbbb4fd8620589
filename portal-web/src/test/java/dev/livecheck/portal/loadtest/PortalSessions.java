package dev.livecheck.portal.loadtest;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Creates verification sessions on a running portal the way an admin does in a browser: signs in with e-mail and
 * password (CSRF tokens read from the rendered forms, session cookie kept), makes sure a check profile named
 * {@value #PROFILE} exists (2 challenges, 3 attempts), posts the new-session form and reads each capture link from
 * the page shown once after creation. Links are returned on the base URL given (the portal prints them on its
 * {@code livecheck.public-base-url}); only their path is used.
 */
public final class PortalSessions {

    static final String PROFILE = "Live load test";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
    private static final Pattern OPTION = Pattern.compile("<option value=\"([0-9a-f-]{36})\"[^>]*>([^<]*)</option>");
    private static final Pattern CAPTURE_LINK = Pattern.compile("id=\"capture-link\"[^>]*>([^<]+)<");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();

    public PortalSessions(URI base) {
        this.base = base;
    }

    /** Signs in; fails unless the portal accepts the credentials. */
    public PortalSessions signIn(String email, String password) {
        HttpResponse<String> response = submit("/login", "/login", Map.of("email", email, "password", password));
        String location = response.headers().firstValue("Location").orElse("");
        if (response.statusCode() != 302 || location.contains("/login")) {
            throw new IllegalStateException("sign-in as " + email + " refused (HTTP " + response.statusCode() + ", "
                    + location + ")");
        }
        return this;
    }

    /**
     * The portal's Prometheus text ({@code /actuator/prometheus}, reachable only when the operator exposed it; it
     * needs this signed-in session), or null when it is not there.
     */
    public String prometheus() {
        HttpResponse<String> response = send(HttpRequest.newBuilder(base.resolve("/actuator/prometheus"))
                .timeout(TIMEOUT).GET().build());
        return response.statusCode() == 200 ? response.body() : null;
    }

    /** Creates {@code count} sessions and returns their capture links. */
    public List<URI> createLinks(int count) {
        String profileId = profileId();
        List<URI> links = new ArrayList<>(count);
        long batch = System.currentTimeMillis();
        for (int i = 1; i <= count; i++) {
            Map<String, String> form = new LinkedHashMap<>();
            form.put("recipientName", "Live load " + i);
            form.put("recipientEmail", "live-load-" + batch + "-" + i + "@example.test");
            form.put("trackingId", "live-load-" + batch + "-" + i);
            form.put("profileId", profileId);
            HttpResponse<String> created = submit("/sessions/new", "/sessions", form);
            String location = created.headers().firstValue("Location").orElse("");
            if (created.statusCode() != 302 || !location.contains("/created")) {
                throw new IllegalStateException("creating a session failed (HTTP " + created.statusCode() + ")");
            }
            Matcher link = CAPTURE_LINK.matcher(get(location).body());
            if (!link.find()) {
                throw new IllegalStateException("the created page shows no capture link");
            }
            links.add(base.resolve(URI.create(link.group(1).strip()).getRawPath()));
        }
        return links;
    }

    /** The id of the load-test profile, created first if this business has none. */
    private String profileId() {
        String found = findProfile();
        if (found != null) {
            return found;
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("name", PROFILE);
        form.put("livenessType", "ACTIVE");
        form.put("maxRetries", "3");
        form.put("challengeCount", "2");
        form.put("linkLifetimeHours", "24");
        form.put("imageRetentionDays", "1");
        form.put("successRedirectUrl", "");
        form.put("errorRedirectUrl", "");
        form.put("brandColour", "#1f6feb");
        form.put("locale", "en");
        form.put("emailSubject", "Live load test for {name}");
        form.put("emailBodyText", "Hello {name}, open {link}.");
        form.put("version", "");
        HttpResponse<String> response = submit("/profiles/new", "/profiles", form);
        if (response.statusCode() != 302) {
            throw new IllegalStateException("creating the profile failed (HTTP " + response.statusCode() + ")");
        }
        found = findProfile();
        if (found == null) {
            throw new IllegalStateException("the new profile is not offered on /sessions/new");
        }
        return found;
    }

    private String findProfile() {
        Matcher option = OPTION.matcher(get("/sessions/new").body());
        while (option.find()) {
            if (PROFILE.equals(option.group(2).strip())) {
                return option.group(1);
            }
        }
        return null;
    }

    private HttpResponse<String> submit(String formPath, String action, Map<String, String> fields) {
        Matcher csrf = CSRF.matcher(get(formPath).body());
        if (!csrf.find()) {
            throw new IllegalStateException("no CSRF token on " + formPath);
        }
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("_csrf", csrf.group(1));
        String body = all.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(base.resolve(action)).timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private HttpResponse<String> get(String pathOrUrl) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(base.resolve(pathOrUrl)).timeout(TIMEOUT).GET()
                .build());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + pathOrUrl + " answered HTTP " + response.statusCode());
        }
        return response;
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
