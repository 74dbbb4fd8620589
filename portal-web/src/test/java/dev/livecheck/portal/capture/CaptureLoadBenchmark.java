package dev.livecheck.portal.capture;

import dev.livecheck.core.recording.RecordedFrame;
import dev.livecheck.core.testkit.Species;
import dev.livecheck.core.testkit.SyntheticCamera;
import dev.livecheck.persistence.business.Business;
import dev.livecheck.persistence.business.Businesses;
import dev.livecheck.persistence.profiles.CheckProfile;
import dev.livecheck.persistence.profiles.CheckProfiles;
import dev.livecheck.persistence.sessions.CaptureTokens;
import dev.livecheck.persistence.sessions.VerificationSession;
import dev.livecheck.persistence.sessions.VerificationSessions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

/**
 * A measurement, not a test (its name keeps it out of the default run): N capture streams at 15 fps against one
 * portal over real sockets, every client streaming the same rendered bona fide attempt. Prints how long the server
 * took to answer (time from a client's latest frame to each server message) and the results. Run with
 * {@code ./mvnw -pl portal-web -am test -Ddemo.skip -Dtest=CaptureLoadBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * -Dcapture.streams=25}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:capture-load;DB_CLOSE_DELAY=-1")
@ActiveProfiles("test")
@Import(FixedChallengesConfiguration.class)
class CaptureLoadBenchmark {

    @LocalServerPort
    int port;
    @Autowired
    Businesses businesses;
    @Autowired
    CheckProfiles profiles;
    @Autowired
    VerificationSessions sessions;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void concurrentStreams() throws Exception {
        int streams = Integer.getInteger("capture.streams", 25);
        List<RecordedFrame> frames = SyntheticCamera.render(Species.BONA_FIDE, FixedChallengesConfiguration.CHALLENGES,
                7, new SyntheticCamera.Options(15, false)).recording().frames();
        List<TestSocket> sockets = new ArrayList<>();
        for (int i = 0; i < streams; i++) {
            sockets.add(open(newLink()));
        }
        ScheduledExecutorService pacer = Executors.newScheduledThreadPool(4);
        long first = frames.get(0).t();
        for (int i = 0; i < streams; i++) {
            TestSocket socket = sockets.get(i);
            long offset = i * 1000L / streams; // streams start spread over one second, as real users would
            pacer.schedule(() -> socket.sendText("{\"type\":\"start\"}"), offset, TimeUnit.MILLISECONDS);
            for (RecordedFrame frame : frames) {
                pacer.schedule(() -> socket.sendBinary(frame.jpeg()), offset + 50 + frame.t() - first,
                        TimeUnit.MILLISECONDS);
            }
        }
        List<String> results = new ArrayList<>();
        for (TestSocket socket : sockets) {
            JsonNode result = socket.next("result", Duration.ofSeconds(90));
            results.add(result.get("recommendation").asString());
        }
        pacer.shutdownNow();
        List<Long> latencies = new ArrayList<>();
        sockets.forEach(s -> latencies.addAll(s.replyLatencies()));
        latencies.sort(Long::compare);
        System.out.printf(Locale.ROOT, "capture load: %d streams x %d frames at 15 fps, %d server messages%n", streams,
                frames.size(), latencies.size());
        System.out.printf(Locale.ROOT, "reply latency after the latest frame: p50 %.0f ms, p95 %.0f ms, max %.0f ms%n",
                ms(latencies, 0.5), ms(latencies, 0.95), ms(latencies, 1.0));
        System.out.printf(Locale.ROOT, "results: %d APPROVE of %d (%s)%n",
                results.stream().filter("APPROVE"::equals).count(), streams, results);
        sockets.forEach(TestSocket::close);
    }

    private static double ms(List<Long> sorted, double q) {
        return sorted.get((int) Math.round(q * (sorted.size() - 1))) / 1e6;
    }

    private String newLink() {
        Instant now = Instant.now();
        Business business = businesses.insert(Business.create("Load " + System.nanoTime(), now));
        CheckProfile profile = profiles.insert(CheckProfile.create(business.id(), "Default",
                "https://shop.example/ok", "Please verify", "Open {link}", now).withLimits(3, 2, 72, 30));
        String token = CaptureTokens.newToken();
        sessions.insert(VerificationSession.open(profile, "Load", "load@example.com", null, CaptureTokens.hash(token),
                now));
        return token;
    }

    private TestSocket open(String token) throws Exception {
        HttpResponse<String> link = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/c/"
                + token)).GET().build(), HttpResponse.BodyHandlers.ofString());
        String header = link.headers().firstValue("Set-Cookie").orElseThrow();
        return TestSocket.connect(port, header.substring(header.indexOf('=') + 1, header.indexOf(';')),
                "http://localhost:" + port);
    }
}
