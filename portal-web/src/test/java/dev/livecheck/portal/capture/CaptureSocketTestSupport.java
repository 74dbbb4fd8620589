package dev.livecheck.portal.capture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livecheck.core.recording.RecordedFrame;
import dev.livecheck.core.testkit.Species;
import dev.livecheck.core.testkit.SyntheticCamera;
import dev.livecheck.persistence.applications.ApiApplication;
import dev.livecheck.persistence.applications.ApiApplications;
import dev.livecheck.persistence.attempts.Attempts;
import dev.livecheck.persistence.attempts.MediaFiles;
import dev.livecheck.persistence.business.Business;
import dev.livecheck.persistence.business.Businesses;
import dev.livecheck.persistence.profiles.CheckProfile;
import dev.livecheck.persistence.profiles.CheckProfiles;
import dev.livecheck.persistence.sessions.CaptureTokens;
import dev.livecheck.persistence.sessions.SessionApiRequest;
import dev.livecheck.persistence.sessions.SessionApiRequests;
import dev.livecheck.persistence.sessions.VerificationSession;
import dev.livecheck.persistence.sessions.VerificationSessions;
import dev.livecheck.portal.TestData;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

/**
 * What the capture tests over a real port share: the app on a random port with one in-memory H2 (one Spring context
 * for all subclasses), the fixed challenge planner, and the client side: a business, profile and session per test,
 * opening the link like a browser, connecting with its cookie, and streaming a rendered recording at its recorded pace.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.datasource.url=jdbc:h2:mem:capture-e2e;DB_CLOSE_DELAY=-1",
            // the tests decide when a session expires; the real sweep, a minute after start, must not do it for them
            "livecheck.lifecycle.initial-delay=P1D",
            // every test socket comes from 127.0.0.1; CaptureConnectionLimitsTest proves the real per-address limit
            "livecheck.capture.connections.max-per-address=1000"})
@ActiveProfiles("test")
@Import(FixedChallengesConfiguration.class)
abstract class CaptureSocketTestSupport {

    static final Duration DECISION = Duration.ofSeconds(60);
    static final Duration SOON = Duration.ofSeconds(5);
    static final String START = "{\"type\":\"start\"}";
    private static final Pattern TICKET = Pattern.compile("data-ticket=\"([A-Za-z0-9_-]+)\"");
    private static final SyntheticCamera.Options CAMERA = new SyntheticCamera.Options(15, true);
    /** Shared by every subclass and never shut down (one context, several test classes): a daemon thread. */
    private static final ScheduledExecutorService PACER = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "capture-test-pacer");
        thread.setDaemon(true);
        return thread;
    });

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
    @Autowired
    ApiApplications applications;
    @Autowired
    SessionApiRequests apiRequests;

    private final HttpClient http = HttpClient.newHttpClient();

    record Link(String token, UUID businessId, UUID sessionId) {
    }

    /** Streams a rendered recording at its recorded pace after "start" and returns the "result". */
    JsonNode play(TestSocket socket, Species species, long seed) throws InterruptedException {
        stream(socket, species, seed);
        return socket.next("result", DECISION);
    }

    /** Sends "start", then schedules the recording's frames at their recorded pace and returns at once. */
    void stream(TestSocket socket, Species species, long seed) {
        List<RecordedFrame> frames = SyntheticCamera.render(species, FixedChallengesConfiguration.CHALLENGES, seed,
                CAMERA).recording().frames();
        socket.sendText(START);
        long first = frames.get(0).t();
        for (RecordedFrame frame : frames) {
            PACER.schedule(() -> socket.sendBinary(frame.jpeg()), frame.t() - first, TimeUnit.MILLISECONDS);
        }
    }

    Link newLink(int maxRetries, Instant createdAt) {
        return newLink(maxRetries, createdAt, "en");
    }

    Link newLink(int maxRetries, Instant createdAt, String locale) {
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

    /** What an API caller may put into {@code sdk_config}; null values leave the profile's. */
    record SdkConfig(String primaryColour, String locale, String successUrl, String errorUrl,
                     String privacyPolicyUrl) {
        static final SdkConfig NONE = new SdkConfig(null, null, null, null, null);
    }

    /**
     * A session created the way the session API creates one: a business with a profile (the same presentation as
     * {@link #newLink}) and an API application allowing {@code origins} to embed the page, the session opened for
     * the application, and its request with {@code sdk}.
     */
    Link newApiLink(List<String> origins, SdkConfig sdk) {
        Instant now = Instant.now();
        Business business = businesses.insert(Business.create("API shop " + System.nanoTime(), now));
        CheckProfile profile = profiles.insert(CheckProfile.create(business.id(), "API", "https://shop.example/ok",
                        "Please verify", "Open {link}", now)
                .withLimits(2, 2, 72, 30)
                .withPresentation("API", "https://shop.example/ok", "https://shop.example/sorry", "#0a7d4f", "en"));
        ApiApplication application = applications.insert(ApiApplication.create(business.id(), "Shop app",
                profile.id(), "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA", "0".repeat(64), origins,
                "sealed-notification-secret", UUID.randomUUID(), now));
        String token = CaptureTokens.newToken();
        VerificationSession session = sessions.insert(VerificationSession.openForApi(profile, application.id(), 2,
                "user-1", CaptureTokens.hash(token), now.plus(Duration.ofHours(1)), now));
        apiRequests.insert(new SessionApiRequest(session.id(), business.id(), 3600, 7200,
                now.plus(Duration.ofHours(2)), sdk.primaryColour(), sdk.locale(), sdk.successUrl(), sdk.errorUrl(),
                sdk.privacyPolicyUrl(), null, null, null, null));
        return new Link(token, business.id(), session.id());
    }

    /** The SDK's web entry for the session with this token. */
    static String webEntry(UUID sessionId, String token) {
        return "/idverify/v1/web/index.html?sessionID=" + sessionId + "&sessionToken=" + token;
    }

    /** The socket ticket a capture page carries. */
    static String ticketIn(HttpResponse<String> page) {
        Matcher ticket = TICKET.matcher(page.body());
        assertThat(ticket.find()).as("the page carries a socket ticket").isTrue();
        return ticket.group(1);
    }

    int handshakeStatusWithTicket(String ticket, String origin) {
        try {
            TestSocket.connect(port, null, ticket, origin).close();
            return 101;
        } catch (TestSocket.HandshakeRefused e) {
            return e.status;
        }
    }

    VerificationSession session(Link link) {
        return sessions.findByBusinessIdAndId(link.businessId(), link.sessionId()).orElseThrow();
    }

    /**
     * Opens the link like a browser (303 to the token-free page, which the cookie unlocks), then connects with that
     * cookie from our origin.
     */
    TestSocket open(Link link) throws Exception {
        HttpResponse<String> page = get("/c/" + link.token());
        assertThat(page.statusCode()).isEqualTo(200);
        return TestSocket.connect(port, cookieValue(page), origin());
    }

    /** {@link #open} and wait for the server's {@code ready}. */
    TestSocket openReady(Link link) throws Exception {
        TestSocket socket = open(link);
        socket.next("ready", SOON);
        return socket;
    }

    /** The binding cookie the browser sent for the token-free page (see {@link #get}). */
    static String cookieValue(HttpResponse<String> page) {
        String header = page.request().headers().firstValue("Cookie").orElseThrow();
        return header.substring(header.indexOf('=') + 1);
    }

    int handshakeStatus(String token, String origin) {
        try {
            TestSocket.connect(port, token, origin).close();
            return 101;
        } catch (TestSocket.HandshakeRefused e) {
            return e.status;
        }
    }

    String origin() {
        return "http://localhost:" + port;
    }

    /**
     * A GET as a browser makes it: an e-mailed link's 303 to the token-free page is followed with the cookie it set
     * (scoped to {@code /c}), so the answer is the page the person sees; its request carries that cookie.
     */
    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        HttpResponse<String> first = getRaw(path, null);
        if (first.statusCode() != 303 || !path.startsWith("/c/")) {
            return first;
        }
        String cookie = first.headers().allValues("Set-Cookie").stream().filter(c -> c.contains("Path=/c;")
                || c.endsWith("Path=/c")).findFirst().orElseThrow();
        String location = first.headers().firstValue("Location").orElseThrow();
        return getRaw(URI.create(location).getPath(), cookie.substring(0, cookie.indexOf(';')));
    }

    /** A GET that follows nothing, with an optional {@code Cookie} header. */
    HttpResponse<String> getRaw(String path, String cookie) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static byte[] greyJpeg() throws IOException {
        return TestData.jpeg(new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB));
    }
}
