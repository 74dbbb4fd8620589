package dev.livecheck.portal.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livecheck.core.attempt.Challenge;
import dev.livecheck.core.recording.RecordedFrame;
import dev.livecheck.core.testkit.Species;
import dev.livecheck.core.testkit.SyntheticCamera;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * An attacker beside a live user, on the production planner (random challenges) and the same context as
 * {@link LiveCaptureClientTest}: one client floods its own session at twice the frame cap (60 frames a second of
 * real face frames, so 30 a second reach the engine and the rest are dropped by the rate limit) and restarts its
 * attempt whenever one ends, for as long as the live user needs. The live user ({@link LivePerformer} through
 * {@link LiveCaptureClient}) must still be approved.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:live-load;DB_CLOSE_DELAY=-1")
@ActiveProfiles("test")
@Import(TestBusinesses.class)
class FloodBesideLiveUserTest {

    private static final int FLOOD_FPS = 60;

    @LocalServerPort
    int port;
    @Autowired
    TestBusinesses tenants;

    @Test
    void aClientFloodingAtTheFrameCapDoesNotStarveALiveUser() throws Exception {
        URI base = URI.create("http://localhost:" + port + "/");
        // The attacker's own links: each closes after its 3 attempts, and the flood moves on to the next.
        List<URI> links = tenants.linksOfNewBusiness(base, "Flood " + System.nanoTime(), TestBusinesses.newAdmin(), 6);

        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        ScheduledExecutorService pacer = Executors.newScheduledThreadPool(2);
        // The attacker's own thread, so its sends never delay the live user's frames in this JVM.
        ScheduledExecutorService attacker = Executors.newSingleThreadScheduledExecutor();
        Flooder flooder = new Flooder();
        try {
            flooder.start(http, links.subList(1, links.size()), attacker);
            flooder.awaitFlowing();
            long floodBefore = flooder.sent.get();
            long startedAt = System.nanoTime();
            LiveCaptureClient.Result live = new LiveCaptureClient(http, pacer, LiveCaptureClient.Options.defaults())
                    .run(links.get(0), 5);
            double seconds = (System.nanoTime() - startedAt) / 1e9;
            double floodRate = (flooder.sent.get() - floodBefore) / seconds;
            System.out.printf("flood: %.1f frames/s over the live user's %.1f s, %d RATE_LIMITED, %d starts on %d"
                    + " links; live: %s%n", floodRate, seconds, flooder.rateLimited.get(), flooder.starts.get(),
                    flooder.linksUsed.get(), live);

            assertThat(live.outcome()).as(live.toString()).isEqualTo("APPROVE");
            assertThat(flooder.rateLimited.get()).as("the flood hit the frame cap").isPositive();
            assertThat(floodRate).as("the flood went on beside the live user, above the cap").isGreaterThan(40);
        } finally {
            flooder.stop();
            pacer.shutdownNow();
            attacker.shutdownNow();
        }
    }

    /** A scripted attacker: real face frames at twice the cap, a new start after every result or error. */
    private static final class Flooder implements WebSocket.Listener {
        final AtomicLong sent = new AtomicLong();
        final AtomicInteger rateLimited = new AtomicInteger();
        final AtomicInteger starts = new AtomicInteger();
        final AtomicInteger linksUsed = new AtomicInteger();
        private final StringBuilder partial = new StringBuilder();
        private final java.util.concurrent.CountDownLatch ready = new java.util.concurrent.CountDownLatch(1);
        private volatile WebSocket socket;
        private volatile boolean stopped;
        private List<byte[]> frames;
        private List<URI> links;
        private HttpClient http;
        private ScheduledExecutorService pacer;

        void start(HttpClient client, List<URI> ownLinks, ScheduledExecutorService scheduler) throws Exception {
            http = client;
            links = ownLinks;
            pacer = scheduler;
            frames = SyntheticCamera.render(Species.BONA_FIDE, List.of(Challenge.TURN_LEFT, Challenge.LOOK_UP), 77,
                    new SyntheticCamera.Options(15, true)).recording().frames().stream().map(RecordedFrame::jpeg)
                    .toList();
            connectNext();
            AtomicInteger next = new AtomicInteger();
            pacer.scheduleAtFixedRate(() -> {
                WebSocket s = socket;
                if (s == null || s.isOutputClosed()) {
                    return;
                }
                byte[] frame = frames.get(Math.floorMod(next.getAndIncrement(), frames.size()));
                try {
                    s.sendBinary(ByteBuffer.wrap(frame), true).get(5, TimeUnit.SECONDS);
                    sent.incrementAndGet();
                } catch (Exception e) {
                    // the next tick tries again
                }
            }, 0, 1000 / FLOOD_FPS, TimeUnit.MILLISECONDS);
        }

        /** The next of its links; the session of the last one closed after its attempts. */
        private void connectNext() throws Exception {
            int index = linksUsed.getAndIncrement();
            if (stopped || index >= links.size()) {
                return;
            }
            URI link = links.get(index);
            HttpResponse<String> page = SocketBinding.openPage(http, link);
            SocketBinding.ConnectParams params = SocketBinding.pageTicket().bind(link, page);
            WebSocket.Builder builder = http.newWebSocketBuilder();
            params.headers().forEach(builder::header);
            socket = builder.buildAsync(params.socket(), this).get(30, TimeUnit.SECONDS);
        }

        void awaitFlowing() throws InterruptedException {
            assertThat(ready.await(30, TimeUnit.SECONDS)).as("the flooder got ready").isTrue();
        }

        void stop() {
            stopped = true;
            WebSocket s = socket;
            socket = null;
            if (s != null) {
                s.sendClose(WebSocket.NORMAL_CLOSURE, "done");
            }
        }

        private void startAttempt(WebSocket webSocket) {
            starts.incrementAndGet();
            webSocket.sendText("{\"type\":\"start\"}", true);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String message = partial.toString();
                partial.setLength(0);
                if (message.contains("\"type\":\"ready\"")) {
                    startAttempt(webSocket);
                    ready.countDown();
                } else if (message.contains("RATE_LIMITED")) {
                    rateLimited.incrementAndGet();
                } else if (message.contains("\"type\":\"result\"") || message.contains("\"code\":\"TIMEOUT\"")
                        || message.contains("\"code\":\"INTERNAL\"")) {
                    startAttempt(webSocket); // again at once: the attacker never pauses
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            java.util.concurrent.CompletableFuture.runAsync(() -> {
                try {
                    connectNext();
                } catch (Exception e) {
                    // the flood ends here; the assertions on its rate say whether it lasted
                }
            });
            return null;
        }
    }
}
