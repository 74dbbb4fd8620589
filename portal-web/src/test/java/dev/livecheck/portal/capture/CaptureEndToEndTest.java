package dev.livecheck.portal.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.livecheck.core.recording.RecordedFrame;
import dev.livecheck.core.testkit.Species;
import dev.livecheck.core.testkit.SyntheticCamera;
import dev.livecheck.persistence.attempts.Attempt;
import dev.livecheck.persistence.attempts.Attempts;
import dev.livecheck.persistence.attempts.MediaFiles;
import dev.livecheck.persistence.business.Business;
import dev.livecheck.persistence.business.Businesses;
import dev.livecheck.persistence.profiles.CheckProfile;
import dev.livecheck.persistence.profiles.CheckProfiles;
import dev.livecheck.persistence.sessions.CaptureTokens;
import dev.livecheck.persistence.sessions.SessionState;
import dev.livecheck.persistence.sessions.VerificationSession;
import dev.livecheck.persistence.sessions.VerificationSessions;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

/**
 * The capture flow over a real port: link, cookie, handshake, frames rendered by the engine's test kit and paced at
 * their recorded times, and the stored state afterwards. Real engine, real H2.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:capture-e2e;DB_CLOSE_DELAY=-1")
@ActiveProfiles("test")
@Import(FixedChallengesConfiguration.class)
class CaptureEndToEndTest {

    private static final Duration DECISION = Duration.ofSeconds(60);
    private static final SyntheticCamera.Options CAMERA = new SyntheticCamera.Options(15, true);
    private static final ScheduledExecutorService PACER = Executors.newSingleThreadScheduledExecutor();

    @LocalServerPort
    int port;
    @Autowired
    Businesses businesses;
    @Autowired
    CheckProfiles profiles;
    @Autowired
    VerificationSessions sessions;
    @Autowired
    Attempts attempts;
    @Autowired
    MediaFiles media;

    private final HttpClient http = HttpClient.newHttpClient();

    @AfterAll
    static void stopPacer() {
        PACER.shutdownNow();
    }

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
        TestSocket socket = open(link);
        socket.next("ready", Duration.ofSeconds(5));

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
        HttpResponse<String> page = get("/c/" + link.token());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Set-Cookie")).hasValueSatisfying(cookie -> assertThat(cookie)
                .startsWith(CaptureCookie.NAME + "=" + link.token()).contains("HttpOnly").contains("SameSite=Strict"));
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                .contains("script-src 'self'").contains("style-src 'self'"));
        assertThat(page.body()).contains("aria-live=\"polite\"").contains("type=\"module\"")
                .doesNotContain("style=\"").doesNotContain("<script>");
        assertThat(session(link).linkOpenedAt()).isNotNull();
        HttpResponse<String> theme = get("/c/" + link.token() + "/theme.css");
        assertThat(theme.body()).contains("--capture-brand: #0a7d4f;");
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
        TestSocket socket = open(link);
        socket.next("ready", Duration.ofSeconds(5));
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
        TestSocket socket = open(link);
        socket.next("ready", Duration.ofSeconds(5));
        for (int i = 0; i < CaptureLimits.MAX_BAD_IN_A_ROW; i++) {
            socket.sendBinary(("garbage " + i).getBytes());
        }
        assertThat(socket.awaitClose(Duration.ofSeconds(5))).isEqualTo(1008);
        assertThat(session(link).attemptsUsed()).isZero();
    }

    @Test
    void closingMidAttemptAbandonsItWithoutCounting() throws Exception {
        Link link = newLink(2, Instant.now());
        TestSocket socket = open(link);
        socket.next("ready", Duration.ofSeconds(5));
        socket.sendText("{\"type\":\"start\"}");
        socket.sendBinary(greyJpeg());
        socket.close();

        TestSocket again = open(link);
        JsonNode ready = again.next("ready", Duration.ofSeconds(5));
        assertThat(ready.get("attempt").asInt()).isEqualTo(1);
        assertThat(ready.get("attemptsLeft").asInt()).isEqualTo(2);
        again.close();
    }

    /** Streams a rendered recording at its recorded pace after "start" and returns the "result". */
    private JsonNode play(TestSocket socket, Species species, long seed) throws InterruptedException {
        List<RecordedFrame> frames = SyntheticCamera.render(species, FixedChallengesConfiguration.CHALLENGES, seed,
                CAMERA).recording().frames();
        socket.sendText("{\"type\":\"start\"}");
        long first = frames.get(0).t();
        for (RecordedFrame frame : frames) {
            PACER.schedule(() -> socket.sendBinary(frame.jpeg()), frame.t() - first, TimeUnit.MILLISECONDS);
        }
        return socket.next("result", DECISION);
    }

    private record Link(String token, java.util.UUID businessId, java.util.UUID sessionId) {
    }

    private Link newLink(int maxRetries, Instant createdAt) {
        return newLink(maxRetries, createdAt, "en");
    }

    private Link newLink(int maxRetries, Instant createdAt, String locale) {
        Instant now = Instant.now();
        Business business = businesses.insert(Business.create("Shop " + System.nanoTime(), now));
        CheckProfile profile = profiles.insert(CheckProfile.create(business.id(), "Default",
                        "https://shop.example/ok", "Please verify", "Open {link}", now)
                .withLimits(maxRetries, 2, 72, 30)
                .withPresentation("Default", "https://shop.example/ok", "https://shop.example/sorry", "#0a7d4f",
                        locale));
        String token = CaptureTokens.newToken();
        VerificationSession session = sessions.insert(VerificationSession.open(profile, "Ann Example",
                "ann@example.com", null, CaptureTokens.hash(token), createdAt));
        return new Link(token, business.id(), session.id());
    }

    private VerificationSession session(Link link) {
        return sessions.findByBusinessIdAndId(link.businessId(), link.sessionId()).orElseThrow();
    }

    /** Opens the link like a browser (which sets the cookie), then connects with that cookie from our origin. */
    private TestSocket open(Link link) throws Exception {
        HttpResponse<String> page = get("/c/" + link.token());
        assertThat(page.statusCode()).isEqualTo(200);
        return TestSocket.connect(port, cookieValue(page), origin());
    }

    private static String cookieValue(HttpResponse<String> page) {
        String header = page.headers().firstValue("Set-Cookie").orElseThrow();
        return header.substring(header.indexOf('=') + 1, header.indexOf(';'));
    }

    private int handshakeStatus(String token, String origin) {
        try {
            TestSocket.connect(port, token, origin).close();
            return 101;
        } catch (TestSocket.HandshakeRefused e) {
            return e.status;
        }
    }

    private String origin() {
        return "http://localhost:" + port;
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static byte[] greyJpeg() throws IOException {
        BufferedImage image = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", out);
        return out.toByteArray();
    }
}
