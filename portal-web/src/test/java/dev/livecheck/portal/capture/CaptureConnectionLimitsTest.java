package dev.livecheck.portal.capture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livecheck.persistence.sessions.CaptureTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Attacks on the capture socket's connection limits over a real port: many sockets on one link, many from one
 * address, a socket that sends nothing, one that never goes away, and one opened with a link that was replaced.
 * Short timeouts (3 s idle, 8 s life) so the test need not wait minutes; the counts are the shipped defaults.
 */
@TestPropertySource(properties = {"livecheck.capture.connections.max-per-address=20",
    "livecheck.capture.connections.idle-timeout=3s", "livecheck.capture.connections.max-lifetime=8s"})
class CaptureConnectionLimitsTest extends CaptureSocketTestSupport {

    private static final String CANCEL = "{\"type\":\"cancel\"}";
    /** Sockets this test opened; each is sent a message every second so the idle timeout leaves it to the count. */
    private final List<TestSocket> opened = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final java.util.concurrent.ScheduledExecutorService keepAlive =
            Executors.newSingleThreadScheduledExecutor();

    @org.junit.jupiter.api.BeforeEach
    void keepOpenedSocketsBusy() {
        keepAlive.scheduleWithFixedDelay(() -> opened.stream().filter(socket -> !socket.isClosed())
                .forEach(socket -> {
                    try {
                        socket.sendText(CANCEL);
                    } catch (RuntimeException e) {
                        // closed meanwhile
                    }
                }), 1, 1, java.util.concurrent.TimeUnit.SECONDS);
    }

    @AfterEach
    void closeAll() {
        keepAlive.shutdownNow();
        opened.forEach(TestSocket::close);
        opened.clear();
    }

    @Test
    void fiftySocketsOnOneLinkGetTwoServedAndTheRestRefusedAndClosed() throws Exception {
        Link link = newLink(2, Instant.now());
        String ticket = ticketIn(get("/c/" + link.token()));
        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<CompletableFuture<TestSocket>> connecting = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            connecting.add(CompletableFuture.supplyAsync(() -> connect(ticket), pool));
        }
        int ready = 0;
        int refused = 0;
        for (CompletableFuture<TestSocket> future : connecting) {
            TestSocket socket = future.join();
            opened.add(socket);
            JsonNode first = socket.next(SOON);
            if ("ready".equals(first.get("type").asString())) {
                ready++;
            } else {
                assertThat(first.get("type").asString()).isEqualTo("error");
                assertThat(first.get("code").asString()).isEqualTo("TOO_MANY_CONNECTIONS");
                assertThat(socket.awaitClose(SOON)).isEqualTo(1008);
                refused++;
            }
        }
        pool.shutdown();
        assertThat(ready).isEqualTo(2);
        assertThat(refused).isEqualTo(48);

        // Closing one frees its place for the next socket of the session.
        TestSocket served = opened.stream().filter(s -> !s.isClosed()).findFirst().orElseThrow();
        served.close();
        assertThat(served.awaitClose(SOON)).isEqualTo(1000);
        assertThat(connectUntilReady(ticket)).as("a place is free again").isTrue();
    }

    @Test
    void theTwentyFirstSocketFromOneAddressIsRefused() throws Exception {
        List<String> tickets = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            tickets.add(ticketIn(get("/c/" + newLink(2, Instant.now()).token())));
        }
        Link another = newLink(2, Instant.now());
        String anotherTicket = ticketIn(get("/c/" + another.token()));
        // Quickly, well within the idle timeout: 2 sockets on each of 10 sessions.
        for (String ticket : tickets) {
            for (int j = 0; j < 2; j++) {
                TestSocket socket = connect(ticket);
                opened.add(socket);
                assertThat(socket.next(SOON).get("type").asString()).isEqualTo("ready");
            }
        }
        TestSocket refused = connect(anotherTicket);
        opened.add(refused);
        assertThat(refused.nextError("TOO_MANY_CONNECTIONS", SOON)).isNotNull();
        assertThat(refused.awaitClose(SOON)).isEqualTo(1008);
        assertThat(session(another).biometricConsentAt()).as("a refused socket records nothing").isNull();
        assertThat(session(another).linkOpenedAt()).isNull();
    }

    @Test
    void aSocketThatSendsNothingIsClosedAfterTheIdleTimeout() throws Exception {
        Link link = newLink(2, Instant.now());
        TestSocket idle = openReady(link); // not kept busy
        long start = System.nanoTime();
        assertThat(idle.awaitClose(Duration.ofSeconds(10))).isEqualTo(SocketGuard.IDLE.getCode());
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(2500));
        // The link stays usable: the page opens a new socket.
        TestSocket again = openReady(link);
        opened.add(again);
    }

    @Test
    void aBusySocketStillEndsAtItsMaximumLifetime() throws Exception {
        Link link = newLink(2, Instant.now());
        TestSocket busy = openReady(link);
        opened.add(busy);
        long start = System.nanoTime();
        int code = -1;
        while (Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofSeconds(20)) < 0 && code < 0) {
            Thread.sleep(500); // kept busy: a message every second
            if (busy.isClosed()) {
                code = busy.awaitClose(SOON);
            }
        }
        assertThat(code).isEqualTo(SocketGuard.TOO_OLD.getCode());
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void afterResendTheOldLinksOpenSocketCannotStartAnAttempt() throws Exception {
        Link link = newLink(2, Instant.now());
        TestSocket old = openReady(link);
        opened.add(old);

        String newToken = CaptureTokens.newToken();
        sessions.replaceCaptureToken(link.businessId(), link.sessionId(), CaptureTokens.hash(newToken),
                Instant.now().plus(Duration.ofHours(72)));

        old.sendText(START);
        assertThat(old.nextError("SESSION_CLOSED", SOON)).isNotNull();
        assertThat(old.awaitClose(SOON)).isEqualTo(1000);
        assertThat(attempts.findAllByBusinessIdAndSessionIdOrderByAttemptNumber(link.businessId(),
                link.sessionId())).isEmpty();

        // The new link works: its socket starts an attempt, which the engine answers.
        TestSocket fresh = openReady(new Link(newToken, link.businessId(), link.sessionId()));
        fresh.sendText(START); // not kept busy: a keep-alive "cancel" would end this attempt
        fresh.sendBinary(greyJpeg());
        assertThat(fresh.next("guidance", SOON).get("code").asString()).isNotBlank();
        fresh.sendText(CANCEL);
        fresh.close();
    }

    private TestSocket connect(String ticket) {
        try {
            return TestSocket.connect(port, null, ticket, origin());
        } catch (TestSocket.HandshakeRefused e) {
            throw new AssertionError(e);
        }
    }

    /** The server learns of a close a moment after the client: retry briefly while the place is still taken. */
    private boolean connectUntilReady(String ticket) throws InterruptedException {
        long deadline = System.nanoTime() + SOON.toNanos();
        while (System.nanoTime() < deadline) {
            TestSocket socket = connect(ticket);
            opened.add(socket);
            if ("ready".equals(socket.next(SOON).get("type").asString())) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }
}
