package dev.livecheck.portal.capture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livecheck.core.testkit.Species;
import dev.livecheck.persistence.sessions.CaptureTokens;
import dev.livecheck.persistence.sessions.Recommendation;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The SDK's web entry {@code /idverify/v1/web/index.html?sessionID=...&sessionToken=...} over a real port: the same
 * pages as the e-mailed link for every wrong or closed pair, the capture page with the caller's {@code sdk_config}
 * and a socket ticket (no cookie) for an open one, framing headers naming exactly the application's origins.
 */
class WebEntryTest extends CaptureSocketTestSupport {

    private static final List<String> ORIGINS = List.of("https://shop.example", "http://127.0.0.1:5173");
    private static final SdkConfig SDK = new SdkConfig("#123ABC", "de", "https://shop.example/api-ok",
            "https://shop.example/api-sorry", "https://shop.example/privacy");
    private static final Pattern FRAME_ANCESTORS = Pattern.compile("frame-ancestors ([^;]*)");

    @Autowired
    JdbcClient jdbc;

    @Test
    void anOpenPairShowsTheCapturePageInTheCallersColourAndLanguageWithATicketAndNoCookie() throws Exception {
        Link link = newApiLink(ORIGINS, SDK);

        HttpResponse<String> page = get(webEntry(link.sessionId(), link.token()));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(ticketIn(page)).hasSize(98);
        assertThat(page.body()).contains("lang=\"de\"").contains("Lebendigkeitsprüfung")
                .contains("data-session-id=\"" + link.sessionId() + "\"")
                .contains("data-parent-origins=\"https://shop.example http://127.0.0.1:5173\"")
                .contains("href=\"/idverify/v1/web/theme/123abc.css\"")
                .doesNotContain(link.token()).doesNotContain("style=\"").doesNotContain("<script>");
        assertThat(privacyLink(page)).contains("href=\"https://shop.example/privacy\"").contains("target=\"_blank\"")
                .contains("rel=\"noopener noreferrer\"").contains("Datenschutzerklärung");
        assertThat(page.headers().firstValue("Cache-Control")).hasValueSatisfying(c -> assertThat(c).contains("no-store"));
        assertThat(session(link).linkOpenedAt()).as("opened by the page's socket, not the GET").isNull();
        HttpResponse<String> theme = get("/idverify/v1/web/theme/123abc.css");
        assertThat(theme.statusCode()).isEqualTo(200);
        assertThat(theme.body()).isEqualTo(":root { --capture-brand: #123abc; }\n");
        assertThat(get("/idverify/v1/web/theme/red%7D%20body%7B.css").statusCode()).isEqualTo(404);
    }

    @Test
    void thePageCarriesTheServersFrameLimitsSoItsScriptHoldsNoCopies() throws Exception {
        Link link = newApiLink(ORIGINS, SDK);

        HttpResponse<String> page = get(webEntry(link.sessionId(), link.token()));

        assertThat(page.body()).contains("data-fps=\"" + CaptureLimits.FPS + "\"")
                .contains("data-max-frame-bytes=\"" + CaptureLimits.MAX_FRAME_BYTES + "\"")
                .contains("data-max-frame-long-side=\"" + CaptureLimits.MAX_FRAME_LONG_SIDE + "\"")
                .contains("data-max-frame-short-side=\"" + CaptureLimits.MAX_FRAME_SHORT_SIDE + "\"");
    }

    @Test
    void theFrameAncestorsAreExactlyTheApplicationsOriginsAndTheCameraStaysAllowed() throws Exception {
        Link link = newApiLink(ORIGINS, SDK);

        HttpResponse<String> page = get(webEntry(link.sessionId(), link.token()));

        assertThat(frameAncestors(page)).isEqualTo("https://shop.example http://127.0.0.1:5173");
        assertThat(page.headers().firstValue("X-Frame-Options")).isEmpty();
        assertThat(page.headers().firstValue("Permissions-Policy")).hasValue("camera=(self)");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                .contains("script-src 'self'").contains("style-src 'self'").contains("connect-src 'self'"));
    }

    @Test
    void everyOtherPageKeepsFrameAncestorsNoneAndXFrameOptionsDeny() throws Exception {
        Link api = newApiLink(ORIGINS, SDK);
        for (String path : List.of("/c/" + api.token(), CaptureController.PAGE, "/login",
                webEntry(api.sessionId(), CaptureTokens.newToken()), "/idverify/v1/sessions/" + api.sessionId(),
                "/idverify/v1/web/theme/123abc.css")) {
            HttpResponse<String> response = get(path);
            assertThat(frameAncestors(response)).as(path).isEqualTo("'none'");
            assertThat(response.headers().firstValue("X-Frame-Options")).as(path).hasValue("DENY");
        }
    }

    @Test
    void withoutUsableOriginsThePageWorksTopLevelButCannotBeFramed() throws Exception {
        Link none = newApiLink(List.of(), SdkConfig.NONE);
        Link hostile = newApiLink(List.of("https://a.example; script-src *", "*", "https://ok.example/path"),
                SdkConfig.NONE);
        Link revoked = newApiLink(ORIGINS, SdkConfig.NONE);
        jdbc.sql("UPDATE api_application SET revoked_at = CURRENT_TIMESTAMP WHERE id = "
                + "(SELECT api_application_id FROM verification_session WHERE id = ?)").param(revoked.sessionId())
                .update();

        for (Link link : List.of(none, hostile, revoked)) {
            HttpResponse<String> page = get(webEntry(link.sessionId(), link.token()));
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(frameAncestors(page)).isEqualTo("'none'");
            assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
            assertThat(page.body()).doesNotContain("data-parent-origins=\"http")
                    .contains("href=\"/idverify/v1/web/theme/0a7d4f.css\"").contains("lang=\"en\"")
                    .doesNotContain("privacy-policy");
        }
    }

    @Test
    void wrongMalformedOrMissingValuesGetTheSameNotValidPageAsAnUnknownLink() throws Exception {
        Link link = newApiLink(ORIGINS, SDK);
        Link other = newApiLink(ORIGINS, SDK);
        Link emailed = newLink(2, Instant.now());
        HttpResponse<String> unknownLink = get("/c/" + CaptureTokens.newToken());
        assertThat(unknownLink.statusCode()).isEqualTo(404);

        Map<String, String> wrong = Map.of(
                "a token that matches no session", webEntry(link.sessionId(), CaptureTokens.newToken()),
                "another session's token", webEntry(link.sessionId(), other.token()),
                "an e-mailed session's token", webEntry(link.sessionId(), emailed.token()),
                "a malformed session id", "/idverify/v1/web/index.html?sessionID=not-a-uuid&sessionToken="
                        + link.token(),
                "a malformed token", webEntry(link.sessionId(), "%3Cscript%3Ealert(1)%3C/script%3E"),
                "a huge token", webEntry(link.sessionId(), "A".repeat(4000)),
                "no token", "/idverify/v1/web/index.html?sessionID=" + link.sessionId(),
                "no session id", "/idverify/v1/web/index.html?sessionToken=" + link.token(),
                "nothing", "/idverify/v1/web/index.html");
        for (var entry : wrong.entrySet()) {
            HttpResponse<String> page = get(entry.getValue());
            assertThat(page.statusCode()).as(entry.getKey()).isEqualTo(404);
            assertThat(page.body()).as(entry.getKey()).isEqualTo(unknownLink.body());
            assertThat(page.headers().firstValue("Set-Cookie")).as(entry.getKey()).isEmpty();
        }
        assertThat(session(link).linkOpenedAt()).isNull();
    }

    @Test
    void closedSessionsGetTheSameGonePagesAsTheirEmailedLink() throws Exception {
        Link expired = newApiLink(ORIGINS, SDK);
        jdbc.sql("UPDATE verification_session SET expires_at = ? WHERE id = ?")
                .params(Instant.now().minusSeconds(60), expired.sessionId()).update();
        Link swept = newApiLink(ORIGINS, SDK);
        jdbc.sql("UPDATE verification_session SET expires_at = ? WHERE id = ?")
                .params(Instant.now().minusSeconds(60), swept.sessionId()).update();
        sessions.expireOverdue(Instant.now());
        Link approved = newApiLink(ORIGINS, SDK);
        sessions.takeAttemptSlot(approved.businessId(), approved.sessionId(), null, Recommendation.APPROVE, true,
                Instant.now());
        Link usedUp = newApiLink(ORIGINS, SDK);
        for (int i = 0; i < 2; i++) {
            sessions.takeAttemptSlot(usedUp.businessId(), usedUp.sessionId(), null, Recommendation.REJECT, false,
                    Instant.now());
        }
        Link cancelled = newApiLink(ORIGINS, SDK);
        sessions.cancel(cancelled.businessId(), cancelled.sessionId(), Instant.now());

        Map<Link, String> reasons = Map.of(expired, "EXPIRED", swept, "EXPIRED", approved, "APPROVED", usedUp,
                "NO_ATTEMPTS_LEFT", cancelled, "CANCELLED");
        for (var entry : reasons.entrySet()) {
            Link link = entry.getKey();
            HttpResponse<String> emailed = get("/c/" + link.token());
            HttpResponse<String> page = get(webEntry(link.sessionId(), link.token()));
            assertThat(page.statusCode()).as(entry.getValue()).isEqualTo(emailed.statusCode()).isEqualTo(410);
            assertThat(page.body()).as(entry.getValue()).isEqualTo(emailed.body())
                    .contains("data-reason=\"" + entry.getValue() + "\"").contains("lang=\"de\"");
            // The embedding site's frame shows why, instead of the browser refusing to show anything.
            assertThat(frameAncestors(page)).isEqualTo("https://shop.example http://127.0.0.1:5173");
        }
    }

    @Test
    void theTicketAloneBindsTheSocketAndTheResultCarriesTheCallersRedirect() throws Exception {
        Link link = newApiLink(ORIGINS, SDK);
        String ticket = ticketIn(get(webEntry(link.sessionId(), link.token())));
        assertThat(session(link).biometricConsentAt()).isNull();

        TestSocket socket = TestSocket.connect(port, null, ticket, origin());
        assertThat(socket.next("ready", SOON).get("attempt").asInt()).isEqualTo(1);
        assertThat(session(link).biometricConsentAt()).isNotNull();
        JsonNode result = play(socket, Species.BONA_FIDE, 11);

        assertThat(result.get("recommendation").asString()).isEqualTo("APPROVE");
        assertThat(result.get("final").asBoolean()).isTrue();
        assertThat(result.get("redirect").asString()).isEqualTo("https://shop.example/api-ok");
        assertThat(attempts.countByBusinessIdAndSessionId(link.businessId(), link.sessionId())).isEqualTo(1);
        socket.close();
        assertThat(handshakeStatusWithTicket(ticket, origin())).as("the session is closed now").isEqualTo(403);
    }

    private static String frameAncestors(HttpResponse<String> response) {
        String csp = response.headers().firstValue("Content-Security-Policy")
                .orElseThrow(() -> new AssertionError("no CSP on " + response.uri() + " " + response.statusCode()));
        Matcher directive = FRAME_ANCESTORS.matcher(csp);
        assertThat(directive.find()).as("frame-ancestors in " + csp).isTrue();
        return directive.group(1).strip();
    }

    private static String privacyLink(HttpResponse<String> page) {
        Matcher link = Pattern.compile("<a id=\"privacy-policy\"[^>]*>[^<]*</a>").matcher(page.body());
        assertThat(link.find()).as("privacy policy link").isTrue();
        return link.group();
    }

}
