package dev.livecheck.portal.capture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livecheck.core.testkit.Species;
import dev.livecheck.persistence.attempts.Attempt;
import dev.livecheck.persistence.sessions.CaptureTokens;
import dev.livecheck.persistence.sessions.SessionState;
import dev.livecheck.persistence.sessions.VerificationSession;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The capture flow over a real port: link, cookie, handshake, frames rendered by the engine's test kit and paced at
 * their recorded times, and the stored state afterwards. Real engine, real H2; the setup is in
 * {@link CaptureSocketTestSupport}.
 */
class CaptureEndToEndTest extends CaptureSocketTestSupport {

    @Test
    void bonaFideIsApprovedStoredWithThreeImagesAndRedirectedToSuccess() throws Exception {
        Link link = newLink(2, Instant.now());
        TestSocket socket = open(link);
        JsonNode ready = socket.next("ready", Duration.ofSeconds(5));
        assertThat(ready.get("attempt").asInt()).isEqualTo(1);
        assertThat(ready.get("attemptsLeft").asInt()).isEqualTo(2);

        JsonNode result = play(socket, Species.BONA_FIDE, 11);

        assertThat(result.get("recommendation").asString()).isEqualTo("APPROVE");
        assertThat(result.get("final").asBoolean()).isTrue();
        assertThat(result.get("redirect").asString()).isEqualTo("https://shop.example/ok");
        assertThat(result.has("score")).isFalse();
        VerificationSession after = session(link);
        assertThat(after.state()).isEqualTo(SessionState.COMPLETED);
        List<Attempt> stored = attempts.findAllByBusinessIdAndSessionIdOrderByAttemptNumber(link.businessId(),
                after.id());
        assertThat(stored).singleElement().satisfies(a -> {
            assertThat(a.challenges()).isEqualTo("TURN_LEFT,LOOK_UP");
            assertThat(a.subChecksJson()).contains("sub_checks");
        });
        assertThat(media.findMetadataBySession(link.businessId(), after.id()))
                .extracting(m -> m.role().name()).containsExactlyInAnyOrder("FRONTAL_START", "CHALLENGE", "FRONTAL_END");
        socket.close();
    }

    @Test
    void attacksAreRejectedUntilNoAttemptsAreLeftThenTheSessionIsClosed() throws Exception {
        Link link = newLink(2, Instant.now());
        TestSocket socket = openReady(link);

        JsonNode first = play(socket, Species.PRINT_STATIC, 21);
        assertThat(first.get("recommendation").asString()).isEqualTo("REJECT");
        assertThat(first.get("attemptsLeft").asInt()).isEqualTo(1);
        assertThat(first.get("final").asBoolean()).isFalse();
        assertThat(first.get("redirect").isNull()).isTrue();

        JsonNode second = play(socket, Species.PRINT_MOVED, 22);
        assertThat(second.get("recommendation").asString()).isEqualTo("REJECT");
        assertThat(second.get("attemptsLeft").asInt()).isZero();
        assertThat(second.get("final").asBoolean()).isTrue();
        assertThat(second.get("redirect").asString()).isEqualTo("https://shop.example/sorry");
        socket.close();

        assertThat(session(link).state()).isEqualTo(SessionState.COMPLETED);
        assertThat(session(link).attemptsUsed()).isEqualTo(2);
        assertThat(handshakeStatus(link.token(), origin())).isEqualTo(403);
        assertThat(get("/c/" + link.token()).statusCode()).isEqualTo(410);
    }

    @Test
    void anExpiredLinkShowsAGonePageAndCannotConnect() throws Exception {
        Link link = newLink(2, Instant.now().minus(Duration.ofHours(80)));
        HttpResponse<String> page = get("/c/" + link.token());
        assertThat(page.statusCode()).isEqualTo(410);
        assertThat(page.body()).contains("expired").doesNotContain("Exception");
        assertThat(page.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(handshakeStatus(link.token(), origin())).isEqualTo(403);
    }

    @Test
    void anUnknownLinkIsNotFound() throws Exception {
        HttpResponse<String> page = get("/c/" + CaptureTokens.newToken());
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("not valid");
        assertThat(get("/c/%3Cscript%3E").statusCode()).isEqualTo(404);
    }

    @Test
    void theHandshakeNeedsTheBindingCookieAndOurOrigin() throws Exception {
        Link link = newLink(2, Instant.now());
        get("/c/" + link.token());
        assertThat(handshakeStatus(null, origin())).isEqualTo(403);
        assertThat(handshakeStatus(CaptureTokens.newToken(), origin())).isEqualTo(403);
        assertThat(handshakeStatus(link.token(), "https://evil.example")).isEqualTo(403);
        assertThat(handshakeStatus(link.token(), origin())).isEqualTo(101);
    }

    @Test
    void theCapturePageBindsTheBrowserWithAStrictCookieAndKeepsTheCsp() throws Exception {
        Link link = newLink(2, Instant.now());
        HttpResponse<String> opened = getRaw("/c/" + link.token(), null);
        assertThat(opened.statusCode()).isEqualTo(303);
        assertThat(opened.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l)
                .endsWith(CaptureController.PAGE).doesNotContain(link.token()));
        assertThat(opened.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(opened.headers().allValues("Set-Cookie")).hasSize(2).allSatisfy(cookie -> assertThat(cookie)
                .startsWith(CaptureCookie.NAME + "=" + link.token()).contains("HttpOnly").contains("SameSite=Strict"))
                .anySatisfy(cookie -> assertThat(cookie).contains("Path=/c;").doesNotContain("Path=/;"))
                .anySatisfy(cookie -> assertThat(cookie).contains("Path=/ws/capture"));
        HttpResponse<String> page = get("/c/" + link.token());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.uri().getPath()).isEqualTo(CaptureController.PAGE);
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(page.body()).doesNotContain(link.token());
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                .contains("script-src 'self'").contains("style-src 'self'"));
        assertThat(page.body()).contains("aria-live=\"polite\"").contains("type=\"module\"")
                .doesNotContain("style=\"").doesNotContain("<script>");
        assertThat(session(link).linkOpenedAt()).as("a GET is no open: a mail scanner makes one too").isNull();
        HttpResponse<String> theme = getRaw(CaptureController.THEME, CaptureCookie.NAME + "=" + link.token());
        assertThat(theme.body()).contains("--capture-brand: #0a7d4f;");
        assertThat(getRaw(CaptureController.THEME, null).statusCode()).isEqualTo(404);
        assertThat(getRaw(CaptureController.PAGE, null).statusCode()).isEqualTo(404);
        openReady(link).close();
        assertThat(session(link).linkOpenedAt()).as("the page's socket opens it").isNotNull();
    }

    @Test
    void theProfileLocaleChoosesTheLanguage() throws Exception {
        Link link = newLink(2, Instant.now(), "de");
        HttpResponse<String> page = get("/c/" + link.token());
        assertThat(page.body()).contains("lang=\"de\"").contains("Lebendigkeitsprüfung");
    }

    @Test
    void badFramesGetErrorsAndNeverCountAsAnAttempt() throws Exception {
        Link link = newLink(2, Instant.now());
        TestSocket socket = openReady(link);
        socket.sendText("{\"type\":\"start\"}");

        socket.sendBinary(new byte[CaptureLimits.MAX_FRAME_BYTES + 1]);
        socket.nextError("FRAME_TOO_LARGE", Duration.ofSeconds(5));
        socket.sendBinary("not a jpeg".getBytes());
        socket.nextError("NOT_JPEG", Duration.ofSeconds(5));
        byte[] frame = greyJpeg();
        for (int i = 0; i < 3 * CaptureLimits.MAX_FRAMES_PER_SECOND; i++) {
            socket.sendBinary(frame);
        }
        socket.nextError("RATE_LIMITED", Duration.ofSeconds(5));
        socket.sendText("{\"type\":\"cancel\"}");
        socket.close();

        VerificationSession after = session(link);
        assertThat(after.state()).isEqualTo(SessionState.ONGOING);
        assertThat(after.attemptsUsed()).isZero();
        assertThat(attempts.countByBusinessIdAndSessionId(link.businessId(), after.id())).isZero();
    }

    @Test
    void persistentGarbageClosesTheSocketWithPolicyViolation() throws Exception {
        Link link = newLink(2, Instant.now());
        TestSocket socket = openReady(link);
        for (int i = 0; i < CaptureLimits.MAX_BAD_IN_A_ROW; i++) {
            socket.sendBinary(("garbage " + i).getBytes());
        }
        assertThat(socket.awaitClose(Duration.ofSeconds(5))).isEqualTo(1008);
        assertThat(session(link).attemptsUsed()).isZero();
    }

    @Test
    void closingMidAttemptAbandonsItWithoutCounting() throws Exception {
        Link link = newLink(2, Instant.now());
        TestSocket socket = openReady(link);
        socket.sendText("{\"type\":\"start\"}");
        socket.sendBinary(greyJpeg());
        socket.close();

        TestSocket again = open(link);
        JsonNode ready = again.next("ready", Duration.ofSeconds(5));
        assertThat(ready.get("attempt").asInt()).isEqualTo(1);
        assertThat(ready.get("attemptsLeft").asInt()).isEqualTo(2);
        again.close();
    }
}
