package dev.livecheck.portal.capture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livecheck.core.attempt.Challenge;
import dev.livecheck.core.recording.RecordedFrame;
import dev.livecheck.core.testkit.Species;
import dev.livecheck.core.testkit.SyntheticCamera;
import dev.livecheck.persistence.audit.AuditAction;
import dev.livecheck.persistence.sessions.CloseReason;
import dev.livecheck.persistence.sessions.Recommendation;
import dev.livecheck.persistence.sessions.SessionState;
import dev.livecheck.persistence.sessions.VerificationSession;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Challenges cannot be re-rolled (issue 9): over a real port with the real engine and H2, a client that cancels or
 * reconnects whenever it is asked something gets the same sequence again until the session's abandon cap closes it as
 * REJECT; two sockets cannot run two attempts of one session; only a counted attempt draws a new sequence; an abandon
 * before the first challenge is free. Draws are scripted ({@link FixedChallengesConfiguration#drawNext}) so a re-draw
 * would show as a different first action.
 */
class ChallengeRerollTest extends CaptureSocketTestSupport {

    private static final SyntheticCamera.Options CAMERA = new SyntheticCamera.Options(15, true);
    private static final List<Challenge> SCRIPTED = List.of(Challenge.LOOK_DOWN, Challenge.MOVE_CLOSER);

    @Autowired
    JdbcTemplate jdbc;

    private final ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
    private final List<ScheduledFuture<?>> scheduled = new ArrayList<>();

    @AfterEach
    void stop() {
        FixedChallengesConfiguration.clearScriptedDraws();
        pacer.shutdownNow();
    }

    @Test
    void aClientCancellingOnEveryChallengeIsAskedTheSameAndClosedAtTheCap() throws Exception {
        Link link = newLink(3, Instant.now());
        FixedChallengesConfiguration.drawNext(SCRIPTED);
        TestSocket socket = openReady(link);
        List<String> firstActions = new ArrayList<>();
        JsonNode last = null;
        for (int abandon = 1; abandon <= 5; abandon++) {
            if (abandon % 2 == 0) { // every other time through a new socket, as a reloaded page or a second tab
                socket.close();
                socket = openReady(link);
            }
            startStreaming(socket, Species.BONA_FIDE, 30 + abandon);
            JsonNode challenge = socket.next("challenge", DECISION);
            firstActions.add(challenge.get("action").asString());
            assertThat(challenge.get("step").asInt()).isOne();
            stopStreaming();
            socket.sendText("{\"type\":\"cancel\"}");
            if (abandon < 5) {
                awaitAbandoned(link, abandon);
                assertThat(session(link).state()).isEqualTo(SessionState.ONGOING);
            } else {
                last = socket.next("result", SOON);
            }
        }

        assertThat(firstActions).containsOnly(Challenge.LOOK_DOWN.name());
        assertThat(last.get("recommendation").asString()).isEqualTo("REJECT");
        assertThat(last.get("final").asBoolean()).isTrue();
        assertThat(last.get("attemptsLeft").asInt()).isZero();
        assertThat(last.get("redirect").asString()).isEqualTo("https://shop.example/sorry");
        VerificationSession closed = session(link);
        assertThat(closed.state()).isEqualTo(SessionState.COMPLETED);
        assertThat(closed.closeReason()).isEqualTo(CloseReason.TOO_MANY_ABANDONED);
        assertThat(closed.latestRecommendation()).isEqualTo(Recommendation.REJECT);
        assertThat(closed.abandonedAttempts()).isEqualTo(5);
        assertThat(closed.lastAbandonedStep()).isOne();
        assertThat(closed.attemptsUsed()).isZero();
        assertThat(attempts.findAllByBusinessIdAndSessionIdOrderByAttemptNumber(link.businessId(), link.sessionId()))
                .isEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE business_id = ? AND action = ? "
                + "AND target_id = ?", Integer.class, link.businessId(), AuditAction.ATTEMPT_ABANDONED.name(),
                link.sessionId().toString())).isEqualTo(5);
        assertThat(get("/c/" + link.token()).statusCode()).isEqualTo(410);
        assertThat(handshakeStatus(link.token(), origin())).isEqualTo(403);
        socket.close();
    }

    @Test
    void twoSocketsStartingAtOnceRunOneAttempt() throws Exception {
        Link link = newLink(3, Instant.now());
        TestSocket first = openReady(link);
        TestSocket second = openReady(link);
        first.sendText(START);
        second.sendText(START);

        Optional<JsonNode> firstRefused = error(first, Duration.ofSeconds(3));
        Optional<JsonNode> secondRefused = error(second, Duration.ofSeconds(1));
        assertThat(firstRefused.isPresent() ^ secondRefused.isPresent()).as("exactly one socket is refused").isTrue();
        JsonNode refusal = firstRefused.or(() -> secondRefused).orElseThrow();
        assertThat(refusal.get("code").asString()).isEqualTo("ATTEMPT_IN_PROGRESS");
        TestSocket running = firstRefused.isPresent() ? second : first;
        TestSocket refused = firstRefused.isPresent() ? first : second;
        assertThat(lease(link).get("attempt_lease_owner")).isNotNull();
        String sequence = (String) lease(link).get("pending_challenges");
        assertThat(sequence).isEqualTo("TURN_LEFT,LOOK_UP");

        // The refused socket may retry once the running attempt ended (here: cancelled before any challenge, free).
        running.sendText("{\"type\":\"cancel\"}");
        awaitLeaseReleased(link);
        refused.sendText(START);
        assertThat(error(refused, Duration.ofSeconds(2))).isEmpty();
        assertThat(lease(link).get("attempt_lease_owner")).isNotNull();
        running.sendText(START);
        assertThat(running.nextError("ATTEMPT_IN_PROGRESS", SOON)).isNotNull();
        assertThat(lease(link).get("pending_challenges")).isEqualTo(sequence);
        assertThat(session(link).abandonedAttempts()).isZero();
        first.close();
        second.close();
    }

    @Test
    void onlyACountedAttemptDrawsANewSequence() throws Exception {
        Link link = newLink(3, Instant.now());
        TestSocket socket = openReady(link);
        JsonNode result = play(socket, Species.PRINT_STATIC, 21);
        assertThat(result.get("final").asBoolean()).isFalse();
        assertThat(lease(link).get("pending_challenges")).as("used up by the counted attempt").isNull();
        assertThat(lease(link).get("attempt_lease_owner")).isNull();

        FixedChallengesConfiguration.drawNext(SCRIPTED);
        startStreaming(socket, Species.BONA_FIDE, 41);
        assertThat(socket.next("challenge", DECISION).get("action").asString()).isEqualTo("LOOK_DOWN");
        assertThat(lease(link).get("pending_challenges")).isEqualTo("LOOK_DOWN,MOVE_CLOSER");
        stopStreaming();
        socket.sendText("{\"type\":\"cancel\"}");
        awaitAbandoned(link, 1);

        // Abandoned, not counted: the default draw (TURN_LEFT first) would show if the sequence were drawn again.
        startStreaming(socket, Species.BONA_FIDE, 42);
        assertThat(socket.next("challenge", DECISION).get("action").asString()).isEqualTo("LOOK_DOWN");
        stopStreaming();
        socket.close();
        awaitAbandoned(link, 2);
        assertThat(lease(link).get("pending_challenges")).isEqualTo("LOOK_DOWN,MOVE_CLOSER");
        assertThat(session(link).lastAbandonedStep()).isOne();
    }

    @Test
    void anAbandonBeforeTheFirstChallengeIsFree() throws Exception {
        Link link = newLink(3, Instant.now());
        TestSocket socket = openReady(link);
        socket.sendText(START);
        byte[] grey = greyJpeg();
        for (int i = 0; i < 5; i++) {
            socket.sendBinary(grey);
            Thread.sleep(70);
        }
        socket.next("guidance", SOON); // the engine saw frames (no face), but asked nothing yet
        socket.sendText("{\"type\":\"cancel\"}");
        awaitLeaseReleased(link);
        socket.sendText(START);
        // the start must hold the lease before it leaves, or the wait below could see the lease free before the start
        awaitLeaseHeld(link);
        socket.sendBinary(grey);
        socket.close(); // leaving early: also free
        awaitLeaseReleased(link);

        VerificationSession after = session(link);
        assertThat(after.abandonedAttempts()).isZero();
        assertThat(after.lastAbandonedAt()).isNull();
        assertThat(after.state()).isEqualTo(SessionState.ONGOING);
        assertThat(after.attemptsUsed()).isZero();
    }

    // --- helpers --------------------------------------------------------------------------------------------------

    /** "start", then the recording's frames at their recorded pace, cancellable by {@link #stopStreaming}. */
    private void startStreaming(TestSocket socket, Species species, long seed) {
        List<RecordedFrame> frames = SyntheticCamera.render(species, FixedChallengesConfiguration.CHALLENGES, seed,
                CAMERA).recording().frames();
        socket.sendText(START);
        long first = frames.get(0).t();
        for (RecordedFrame frame : frames) {
            scheduled.add(pacer.schedule(() -> socket.sendBinary(frame.jpeg()), frame.t() - first,
                    TimeUnit.MILLISECONDS));
        }
    }

    private void stopStreaming() {
        scheduled.forEach(f -> f.cancel(false));
        scheduled.clear();
    }

    private static Optional<JsonNode> error(TestSocket socket, Duration within) throws InterruptedException {
        try {
            return Optional.of(socket.next("error", within));
        } catch (AssertionError none) {
            return Optional.empty();
        }
    }

    private Map<String, Object> lease(Link link) {
        return jdbc.queryForMap("SELECT pending_challenges, attempt_lease_owner, attempt_lease_until "
                + "FROM verification_session WHERE id = ?", link.sessionId());
    }

    /** The socket handler records an abandon after the client's message arrives: poll until it is in. */
    private void awaitAbandoned(Link link, int count) throws InterruptedException {
        pollUntil(() -> session(link).abandonedAttempts() >= count);
        assertThat(session(link).abandonedAttempts()).isEqualTo(count);
        assertThat(lease(link).get("attempt_lease_owner")).as("the abandon ended the lease").isNull();
    }

    private void awaitLeaseHeld(Link link) throws InterruptedException {
        pollUntil(() -> lease(link).get("attempt_lease_owner") != null);
        assertThat(lease(link).get("attempt_lease_owner")).as("the start claimed the lease").isNotNull();
    }

    private void awaitLeaseReleased(Link link) throws InterruptedException {
        pollUntil(() -> lease(link).get("attempt_lease_owner") == null);
        assertThat(lease(link).get("attempt_lease_owner")).isNull();
    }

    /** Polls the database until {@code done} or {@link #SOON} has passed; the caller asserts what it waited for. */
    private static void pollUntil(BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + SOON.toNanos();
        while (!done.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }
}
