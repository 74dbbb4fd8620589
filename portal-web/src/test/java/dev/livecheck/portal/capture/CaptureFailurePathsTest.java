package dev.livecheck.portal.capture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livecheck.core.testkit.Species;
import dev.livecheck.persistence.attempts.Attempt;
import dev.livecheck.persistence.sessions.CloseReason;
import dev.livecheck.persistence.sessions.SessionState;
import dev.livecheck.persistence.sessions.VerificationSession;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The capture socket's unhappy paths over a real port, with the real engine and real H2: a message larger than the
 * socket accepts, the database refusing to store a decided attempt, and the session closing (admin cancel, expiry
 * sweep, link lifetime running out) while its socket is open. Each test checks what the client is told and what is
 * stored afterwards.
 */
class CaptureFailurePathsTest extends CaptureSocketTestSupport {

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void installImageTrigger() {
        jdbc.execute(RefuseImageTrigger.CREATE);
    }

    @AfterEach
    void disarmImageTrigger() {
        RefuseImageTrigger.disarm();
    }

    // --- 1. messages larger than the socket buffers -------------------------------------------------------------

    /**
     * The container buffers at most {@link CaptureLimits#BINARY_BUFFER_BYTES} (1 MiB) per binary message: exactly
     * that much still reaches the handler and is refused with FRAME_TOO_LARGE; one byte more makes the container
     * close with 1009. The attempt that was running is dropped, nothing of it is stored, and a new socket to the same
     * link runs and stores an attempt normally.
     */
    @Test
    void aBinaryMessageOverOneMebibyteClosesWith1009AndTheSessionStaysUsable() throws Exception {
        assertThat(CaptureLimits.BINARY_BUFFER_BYTES).isEqualTo(1024 * 1024);
        Link link = newLink(2, Instant.now());
        TestSocket socket = openReady(link);
        socket.sendText(START);
        socket.sendBinary(greyJpeg());

        socket.sendBinary(new byte[CaptureLimits.BINARY_BUFFER_BYTES]);
        socket.nextError("FRAME_TOO_LARGE", SOON);
        socket.sendBinaryMaybeRefused(new byte[CaptureLimits.BINARY_BUFFER_BYTES + 1]);

        assertThat(socket.awaitClose(SOON)).isEqualTo(1009);
        assertNothingStored(link);

        TestSocket again = open(link);
        JsonNode ready = again.next("ready", SOON);
        assertThat(ready.get("attempt").asInt()).isEqualTo(1);
        assertThat(ready.get("attemptsLeft").asInt()).isEqualTo(2);
        JsonNode result = play(again, Species.PRINT_STATIC, 21);
        assertThat(result.get("recommendation").asString()).isEqualTo("REJECT");
        assertThat(result.get("attemptsLeft").asInt()).isEqualTo(1);
        again.close();
        assertStoredAttempts(link, 1);
    }

    /** Text messages are buffered up to {@link CaptureLimits#TEXT_BUFFER_BYTES}; a longer one closes with 1009. */
    @Test
    void aTextMessageOverTheTextLimitClosesWith1009AndTheSessionStaysUsable() throws Exception {
        Link link = newLink(2, Instant.now());
        TestSocket socket = openReady(link);

        socket.sendText("x".repeat(CaptureLimits.TEXT_BUFFER_BYTES));
        socket.nextError("BAD_MESSAGE", SOON);
        socket.sendText("x".repeat(CaptureLimits.TEXT_BUFFER_BYTES + 1));

        assertThat(socket.awaitClose(SOON)).isEqualTo(1009);
        assertNothingStored(link);
        TestSocket again = open(link);
        JsonNode ready = again.next("ready", SOON);
        assertThat(ready.get("attempt").asInt()).isEqualTo(1);
        assertThat(ready.get("attemptsLeft").asInt()).isEqualTo(2);
        again.close();
    }

    // --- 2. the database refuses to store a decided attempt ----------------------------------------------------

    /**
     * The failure is real: an H2 trigger ({@link RefuseImageTrigger}) makes the database refuse the last insert of
     * {@code AttemptRecorder.record} (the third image), after the attempt slot was taken, the session moved to
     * COMPLETED (the attempt is an APPROVE) and the attempt row and two images were inserted. The recorder, its
     * transaction and AttemptResults are the production ones. The client gets INTERNAL, the transaction leaves no
     * trace, and the same socket runs the next attempt, which is stored as attempt 1.
     */
    @Test
    void aStorageFailureIsReportedAsInternalAndTheAttemptDoesNotCount() throws Exception {
        Link link = newLink(2, Instant.now());
        TestSocket socket = openReady(link);
        int refusedBefore = RefuseImageTrigger.refused();
        RefuseImageTrigger.armOnce(link.businessId());

        stream(socket, Species.BONA_FIDE, 11);
        JsonNode outcome = nextOutcome(socket);

        assertThat(outcome.get("type").asString()).isEqualTo("error");
        assertThat(outcome.get("code").asString()).isEqualTo("INTERNAL");
        assertThat(outcome.get("message").asString()).contains("does not count");
        assertThat(RefuseImageTrigger.refused()).isEqualTo(refusedBefore + 1);
        assertNothingStored(link);
        assertThat(session(link).latestRecommendation()).isNull();
        assertThat(session(link).closeReason()).isNull();

        JsonNode result = play(socket, Species.BONA_FIDE, 11);
        assertThat(result.get("recommendation").asString()).isEqualTo("APPROVE");
        assertThat(result.get("attemptsLeft").asInt()).isZero();
        assertThat(result.get("final").asBoolean()).isTrue();
        assertThat(result.get("redirect").asString()).isEqualTo("https://shop.example/ok");
        socket.close();
        assertStoredAttempts(link, 1);
        assertThat(session(link).state()).isEqualTo(SessionState.COMPLETED);
    }

    // --- 3. the session closes while its socket is open --------------------------------------------------------

    /** What closes a session behind an open socket: what an admin's cancel and the expiry sweep execute. */
    enum Closer {
        ADMIN_CANCEL(CloseReason.CANCELLED),
        EXPIRY_SWEEP(CloseReason.LINK_EXPIRED);

        final CloseReason reason;

        Closer(CloseReason reason) {
            this.reason = reason;
        }
    }

    private void close(Closer closer, Link link) {
        Instant now = Instant.now();
        switch (closer) {
            case ADMIN_CANCEL -> assertThat(sessions.cancel(link.businessId(), link.sessionId(), now)).isEqualTo(1);
            case EXPIRY_SWEEP -> {
                runOutLifetime(link);
                assertThat(sessions.expireOverdue(now)).isPositive();
            }
        }
    }

    /** The link's lifetime ends now, as if its 72 hours had passed (the clock is the real one). */
    private void runOutLifetime(Link link) {
        assertThat(jdbc.update("UPDATE verification_session SET expires_at = ? WHERE id = ?",
                Instant.now().minusMillis(1), link.sessionId())).isEqualTo(1);
    }

    /**
     * An idle socket whose session was closed: frames are dropped silently (no attempt runs), {@code start} gets
     * SESSION_CLOSED and the server closes the socket normally; the link is dead and nothing was stored.
     */
    @ParameterizedTest
    @EnumSource(Closer.class)
    void startAfterTheSessionClosedGetsSessionClosedAndTheSocketCloses(Closer closer) throws Exception {
        Link link = newLink(2, Instant.now());
        TestSocket socket = openReady(link);

        close(closer, link);
        assertFrameIgnoredAndStartRefused(socket);
        assertClosedWithNothingStored(link, closer.reason);
    }

    /** Same when the link's lifetime ran out and the sweep has not run yet (the session is still ONGOING). */
    @Test
    void startAfterTheLinkLifetimeRanOutGetsSessionClosedEvenBeforeTheSweep() throws Exception {
        Link link = newLink(2, Instant.now());
        TestSocket socket = openReady(link);

        runOutLifetime(link);
        assertFrameIgnoredAndStartRefused(socket);
        assertThat(session(link).state()).isEqualTo(SessionState.ONGOING);
        assertNothingStored(link);
        assertThat(get("/c/" + link.token()).statusCode()).isEqualTo(410);
    }

    /**
     * The session is closed while an attempt runs: the engine still decides, but {@code AttemptRecorder} refuses a
     * session that is no longer ONGOING, so the client gets SESSION_CLOSED instead of a result and nothing is stored.
     * Frames after that are dropped silently; the next {@code start} gets SESSION_CLOSED and the socket closes.
     */
    @ParameterizedTest
    @EnumSource(Closer.class)
    void anAttemptRunningWhenTheSessionClosesIsNotStored(Closer closer) throws Exception {
        Link link = newLink(2, Instant.now());
        TestSocket socket = openReady(link);
        stream(socket, Species.BONA_FIDE, 11);
        socket.next("challenge", DECISION);

        close(closer, link);
        JsonNode outcome = nextOutcome(socket);

        assertThat(outcome.get("type").asString()).isEqualTo("error");
        assertThat(outcome.get("code").asString()).isEqualTo("SESSION_CLOSED");
        assertClosedWithNothingStored(link, closer.reason);
        assertFrameIgnoredAndStartRefused(socket);
        assertClosedWithNothingStored(link, closer.reason);
    }

    /**
     * The link's lifetime runs out while an attempt runs and the sweep has not run: the session is still ONGOING,
     * so {@code AttemptRecorder} stores the attempt (it started while the link was valid) and the client gets its
     * result. That result is final with no attempts left and the error redirect, because no further attempt can
     * start; a {@code start} anyway gets SESSION_CLOSED and the socket closes.
     */
    @Test
    void anAttemptRunningWhenTheLinkLifetimeRunsOutIsStoredButNoFurtherAttemptStarts() throws Exception {
        Link link = newLink(2, Instant.now());
        TestSocket socket = openReady(link);
        stream(socket, Species.PRINT_STATIC, 21);
        socket.next("challenge", DECISION);

        runOutLifetime(link);
        JsonNode outcome = nextOutcome(socket);

        assertThat(outcome.get("type").asString()).isEqualTo("result");
        assertThat(outcome.get("recommendation").asString()).isEqualTo("REJECT");
        assertThat(outcome.get("attemptsLeft").asInt()).isZero();
        assertThat(outcome.get("final").asBoolean()).isTrue();
        assertThat(outcome.get("redirect").asString()).isEqualTo("https://shop.example/sorry");
        assertStoredAttempts(link, 1);
        assertFrameIgnoredAndStartRefused(socket);
        assertStoredAttempts(link, 1);
        assertThat(get("/c/" + link.token()).statusCode()).isEqualTo(410);
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    /** Skips guidance and challenges up to the attempt's outcome: a result, or an error that ends the attempt. */
    private static JsonNode nextOutcome(TestSocket socket) throws InterruptedException {
        Set<String> ending = Set.of("INTERNAL", "SESSION_CLOSED", "TIMEOUT");
        while (true) {
            JsonNode message = socket.next(DECISION);
            String type = message.get("type").asString();
            if (type.equals("result") || type.equals("error") && ending.contains(message.get("code").asString())) {
                return message;
            }
        }
    }

    /** The very next message is SESSION_CLOSED (a frame sent before it got no answer), then a normal close. */
    /** A frame gets no answer; the {@code start} after it gets SESSION_CLOSED and the socket closes normally. */
    private static void assertFrameIgnoredAndStartRefused(TestSocket socket) throws Exception {
        socket.sendBinary(greyJpeg());
        socket.sendText(START);
        JsonNode next = socket.next(SOON);
        assertThat(next.get("type").asString()).isEqualTo("error");
        assertThat(next.get("code").asString()).isEqualTo("SESSION_CLOSED");
        assertThat(socket.awaitClose(SOON)).isEqualTo(1000);
    }

    private void assertClosedWithNothingStored(Link link, CloseReason reason) throws Exception {
        VerificationSession after = session(link);
        assertThat(after.state()).isEqualTo(SessionState.EXPIRED);
        assertThat(after.closeReason()).isEqualTo(reason);
        assertThat(after.attemptsUsed()).isZero();
        assertThat(after.latestRecommendation()).isNull();
        assertThat(attempts.countByBusinessIdAndSessionId(link.businessId(), link.sessionId())).isZero();
        assertThat(media.findMetadataBySession(link.businessId(), link.sessionId())).isEmpty();
        assertThat(handshakeStatus(link.token(), origin())).isEqualTo(403);
    }

    private void assertNothingStored(Link link) {
        VerificationSession after = session(link);
        assertThat(after.state()).isEqualTo(SessionState.ONGOING);
        assertThat(after.attemptsUsed()).isZero();
        assertThat(attempts.countByBusinessIdAndSessionId(link.businessId(), link.sessionId())).isZero();
        assertThat(media.findMetadataBySession(link.businessId(), link.sessionId())).isEmpty();
    }

    /** Exactly {@code count} attempts, numbered 1..count, each with its three images, and the counter agrees. */
    private void assertStoredAttempts(Link link, int count) {
        List<Attempt> stored = attempts.findAllByBusinessIdAndSessionIdOrderByAttemptNumber(link.businessId(),
                link.sessionId());
        assertThat(stored).extracting(Attempt::attemptNumber)
                .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, count).boxed().toList());
        assertThat(media.findMetadataBySession(link.businessId(), link.sessionId())).hasSize(3 * count);
        assertThat(session(link).attemptsUsed()).isEqualTo(count);
    }
}
