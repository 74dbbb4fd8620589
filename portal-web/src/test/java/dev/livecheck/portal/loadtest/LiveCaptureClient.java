package dev.livecheck.portal.loadtest;

import dev.livecheck.core.attempt.Challenge;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One simulated person on a real socket, speaking the capture protocol like the capture page: opens the link,
 * binds the socket ({@link SocketBinding}), waits for {@code ready}, sends {@code start}, streams frames of a
 * {@link CameraFeed} in real time at the server's {@code fps} (played from a {@link ClipLibrary} or rendered on the
 * fly, scheduled on a shared pacer, never a busy loop), performs each {@code challenge} as it arrives (a clip player
 * once its rest clip in progress ends), and ends at {@code result}: again with
 * another {@code start} after a {@code final:false} result while it may still try, else done. Like a person reading
 * the instruction still on screen, it performs the challenge again when it has come back to rest and the server has
 * not yet said {@code challenge_passed} (counted as a repeat).
 *
 * <p>Like the page, a frame is skipped while the previous one is still being sent, and so is a frame whose tick
 * comes more than one interval late (this machine too busy to render it): both are counted, not queued. One instance
 * per person; {@link #run} blocks until the person is done.
 */
public final class LiveCaptureClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** The pacer's tick: a frame is sent on the first tick at or after it is due, so this is its jitter. */
    private static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(5);
    /** Per-frame errors: the frame was dropped and the attempt goes on. */
    /** The admission queue's messages: they answer no frame, so they are not reply latencies. */
    private static final Set<String> QUEUE_MESSAGES = Set.of("queued", "rate");
    private static final Set<String> FRAME_ERRORS = Set.of("FRAME_TOO_LARGE", "NOT_JPEG", "BAD_DIMENSIONS",
            "RATE_LIMITED");

    /**
     * @param fps the most frames per second to send, like a camera of that rate: the client sends the {@code fps} of
     *     the server's {@code ready}, then of its {@code rate} messages, but never more than this; 0 for no cap
     * @param maxAttempts attempts this person makes at most (a {@code final:false} result is followed by another
     *     {@code start} while attempts are left on both sides)
     * @param deadline the whole visit, link to last result, is abandoned after this
     * @param retryPause the pause before the next {@code start}, as a person reads the result
     * @param binding how the opened page binds the socket
     * @param replayedOrder empty for a person, who answers whatever is asked; else an attacker replaying a recording
     *     of these answers in this order, who performs step n only when it is asked the n-th of them and otherwise
     *     sends {@code cancel} and starts again, hoping for a new draw (issue 9's re-roll attack)
     */
    public record Options(double fps, int maxAttempts, Duration deadline, Duration retryPause, SocketBinding binding,
            List<Challenge> replayedOrder) {
        public Options {
            replayedOrder = List.copyOf(replayedOrder);
        }

        public static Options defaults() {
            return new Options(0, 3, Duration.ofSeconds(120), Duration.ofMillis(1500), SocketBinding.asTheBrowserDoes(),
                    List.of());
        }

        public Options withFps(double value) {
            return new Options(value, maxAttempts, deadline, retryPause, binding, replayedOrder);
        }

        public Options withMaxAttempts(int value) {
            return new Options(fps, value, deadline, retryPause, binding, replayedOrder);
        }

        public Options withDeadline(Duration value) {
            return new Options(fps, maxAttempts, value, retryPause, binding, replayedOrder);
        }

        public Options withBinding(SocketBinding value) {
            return new Options(fps, maxAttempts, deadline, retryPause, value, replayedOrder);
        }

        public Options withReplayedOrder(List<Challenge> value) {
            return new Options(fps, maxAttempts, deadline, retryPause, binding, value);
        }

        /** Whether a replay of {@link #replayedOrder} can answer {@code action} as the attempt's {@code step}-th. */
        boolean answers(int step, Challenge action) {
            return replayedOrder.isEmpty()
                    || step >= 1 && step <= replayedOrder.size() && replayedOrder.get(step - 1) == action;
        }
    }

    /**
     * What happened to one person.
     *
     * @param outcome the last result's recommendation (APPROVE, REJECT, NOT_AVAILABLE), or {@code ERROR <code>},
     *     {@code LINK <status>}, {@code HANDSHAKE <status>}, {@code CLOSED <code>}, {@code DEADLINE}
     * @param attempts attempts started (each {@code start})
     * @param results every result's recommendation, in order
     * @param timeToResultMillis from the first {@code start} to the last {@code result}; -1 without one
     * @param replyLatencyNanos for every server message while frames flow (not while queued, and not the queue's own
     *     messages): time since the latest frame sent
     * @param framesSent frames sent, over {@code streamingMillis} of streaming (attempts only)
     * @param framesSkipped frames not sent (previous still in flight, or the tick came too late)
     * @param renderNanos time spent getting frames from the feed (rendering them, or picking them from clips)
     * @param challenges the challenges the server asked, in order, over all attempts
     * @param repeats challenges performed again because they were not acknowledged by the time the move was done
     * @param busy {@code error BUSY} answers (attempt cut by the server or queue timeout; retried, not counted)
     * @param queueWaitMillis time spent in the server's admission queue
     * @param minRate the lowest {@code rate} the server asked for (0 if it never sent one)
     * @param abandons attempts an attacker cancelled because it was asked what its recording does not answer
     * @param firstChallenges the first challenge of every attempt that got one, in order: one sequence per counted
     *     attempt means a cancel is asked the same again
     * @param phases when the last attempt's steps came ({@code challenge}, {@code challenge_passed},
     *     {@code processing}, {@code result}), in milliseconds after its {@code start}: where a slow result lost time
     */
    public record Result(String face, String outcome, int attempts, List<String> results, long timeToResultMillis,
            List<Long> replyLatencyNanos, long framesSent, long framesSkipped, long streamingMillis,
            long renderNanos, List<Challenge> challenges, int repeats, int busy, long queueWaitMillis, int minRate,
            int abandons, List<Challenge> firstChallenges, List<Phase> phases) {

        public boolean approved() {
            return "APPROVE".equals(outcome);
        }
    }

    /** A step of an attempt as the client heard it: the message's type, milliseconds after the attempt's start. */
    public record Phase(String type, long millis) {
    }

    /** The messages that mark an attempt's progress, timed in {@link Result#phases}. */
    private static final Set<String> PHASE_MESSAGES = Set.of("challenge", "challenge_passed", "processing", "result");

    private final HttpClient http;
    private final ScheduledExecutorService pacer;
    private final Options options;

    /** {@code http} must not follow redirects on its own (a used-up link answers with its own status). */
    public LiveCaptureClient(HttpClient http, ScheduledExecutorService pacer, Options options) {
        this.http = http;
        this.pacer = pacer;
        this.options = options;
    }

    /** One person with the face, scene and camera of {@code seed}, rendered live, visits {@code link} until done. */
    public Result run(URI link, long seed) throws InterruptedException {
        try (CameraFeed person = CameraFeed.rendered(seed)) {
            return run(link, person);
        }
    }

    /** The person {@code camera} shows visits {@code link} until done; the caller closes the feed. */
    public Result run(URI link, CameraFeed camera) throws InterruptedException {
        return new Visit(camera).run(link);
    }

    /** The state of one visit; the socket listener and the pacer's ticks share it. */
    private final class Visit implements WebSocket.Listener {
        private final CameraFeed person;
        private final long origin = System.nanoTime();
        private final BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
        private final StringBuilder partial = new StringBuilder();
        private final List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        private final List<Challenge> challenges = Collections.synchronizedList(new ArrayList<>());
        private final List<Challenge> firstChallenges = Collections.synchronizedList(new ArrayList<>());
        private final List<String> results = new ArrayList<>();
        private final CompletableFuture<Integer> closed = new CompletableFuture<>();
        private final AtomicLong framesSent = new AtomicLong();
        private final AtomicLong framesSkipped = new AtomicLong();
        private final AtomicLong renderNanos = new AtomicLong();
        private volatile long lastFrameSentNanos;
        private volatile boolean streaming;
        /** The frame interval asked for now: the server's {@code rate} changes it while the attempt runs. */
        private volatile long intervalNanos;
        /** Waiting in the server's admission queue: no frames until its {@code rate} admits the start. */
        private volatile boolean queued;
        private final AtomicLong queueWaitNanos = new AtomicLong();
        private int busyAnswers;
        private int abandons;
        private volatile long attemptStartNanos;
        private final List<Phase> phases = Collections.synchronizedList(new ArrayList<>());
        /** An attacker was asked what its recording does not answer: it cancels this attempt. */
        private volatile boolean refused;
        private volatile long queuedSince;
        private final List<Integer> rates = Collections.synchronizedList(new ArrayList<>());
        /** The challenge asked and not yet passed, or null. */
        private volatile Challenge pending;
        private volatile CompletableFuture<?> lastSend = CompletableFuture.completedFuture(null);
        private WebSocket socket;
        private long streamingNanos;

        Visit(CameraFeed person) {
            this.person = person;
        }

        long nowMillis() {
            return (System.nanoTime() - origin) / 1_000_000;
        }

        Result run(URI link) throws InterruptedException {
            long deadline = System.nanoTime() + options.deadline().toNanos();
            HttpResponse<String> page;
            try {
                page = SocketBinding.openPage(http, link);
            } catch (java.io.IOException e) {
                return result("LINK " + e.getClass().getSimpleName(), 0, -1);
            }
            if (page.statusCode() != 200) {
                return result("LINK " + page.statusCode(), 0, -1);
            }
            SocketBinding.ConnectParams params = options.binding().bind(link, page);
            WebSocket.Builder builder = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
            params.headers().forEach(builder::header);
            try {
                socket = builder.buildAsync(params.socket(), this).orTimeout(30, TimeUnit.SECONDS).join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof WebSocketHandshakeException refused) {
                    return result("HANDSHAKE " + refused.getResponse().statusCode(), 0, -1);
                }
                return result("HANDSHAKE " + e.getCause(), 0, -1);
            }
            try {
                return converse(deadline);
            } finally {
                stopStreaming(null);
                send(() -> socket.sendClose(WebSocket.NORMAL_CLOSURE, "done"));
            }
        }

        /** The rate the server asks for, at most {@link Options#fps} when that is set. */
        private double capped(double asked) {
            return options.fps() > 0 ? Math.min(asked, options.fps()) : asked;
        }

        private Result converse(long deadline) throws InterruptedException {
            JsonNode ready = next(deadline);
            if (ready == null || !"ready".equals(type(ready))) {
                return result(ready == null ? outcomeWithoutMessage() : "UNEXPECTED " + type(ready), 0, -1);
            }
            double fps = capped(ready.path("fps").asDouble(15));
            int serverAttemptsLeft = ready.path("attemptsLeft").asInt(1);
            int attempts = 0;
            long firstStart = -1;
            String outcome = null;
            while (true) {
                attempts++;
                phases.clear();
                attemptStartNanos = System.nanoTime();
                send(() -> socket.sendText("{\"type\":\"start\"}", true));
                if (firstStart < 0) {
                    firstStart = System.nanoTime();
                }
                ScheduledFuture<?> ticks = startStreaming(fps);
                JsonNode end = awaitEnd(deadline);
                stopStreaming(ticks);
                if (end == null) {
                    return result(outcomeWithoutMessage(), attempts, -1);
                }
                if ("challenge".equals(type(end)) || isBusyElsewhere(end)) {
                    if ("challenge".equals(type(end))) { // the attacker's recording cannot answer: cancel, hope
                        refused = false;
                        abandons++;
                        send(() -> socket.sendText("{\"type\":\"cancel\"}", true));
                    }
                    attempts--; // cancelled or refused: not counted by the server, start again
                    Thread.sleep(options.retryPause().toMillis());
                    continue;
                }
                if ("error".equals(type(end))) {
                    String code = end.path("code").asString("");
                    if ("BUSY".equals(code) && System.nanoTime() < deadline) {
                        busyAnswers++;
                        attempts--; // the server cut the attempt for load: it does not count, try again
                        Thread.sleep(options.retryPause().toMillis());
                        continue;
                    }
                    return result("ERROR " + code, attempts, -1);
                }
                outcome = end.path("recommendation").asString("?");
                results.add(outcome);
                serverAttemptsLeft = end.path("attemptsLeft").asInt(0);
                boolean last = end.path("final").asBoolean(true) || serverAttemptsLeft <= 0
                        || attempts >= options.maxAttempts();
                if (last) {
                    return result(outcome, attempts, (System.nanoTime() - firstStart) / 1_000_000);
                }
                if (System.nanoTime() + options.retryPause().toNanos() >= deadline) {
                    return result("DEADLINE", attempts, -1);
                }
                Thread.sleep(options.retryPause().toMillis());
            }
        }

        /** The server is still closing the previous attempt (the cancel has not landed yet): start again later. */
        private boolean isBusyElsewhere(JsonNode end) {
            String code = end.path("code").asString("");
            return "error".equals(type(end)) && ("ATTEMPT_RUNNING".equals(code) || "ATTEMPT_IN_PROGRESS".equals(code));
        }

        /**
         * The {@code result} or a non-frame {@code error} ending this attempt, or for an attacker the {@code challenge}
         * it cannot answer; null on close or deadline.
         */
        private JsonNode awaitEnd(long deadline) throws InterruptedException {
            while (true) {
                JsonNode message = next(deadline);
                if (message == null) {
                    return null;
                }
                String type = type(message);
                if ("result".equals(type) || "challenge".equals(type) && refused
                        || "error".equals(type) && !FRAME_ERRORS.contains(message.path("code").asString(""))) {
                    return message;
                }
            }
        }

        private JsonNode next(long deadline) throws InterruptedException {
            while (true) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return null;
                }
                JsonNode message = messages.poll(Math.min(left, TimeUnit.MILLISECONDS.toNanos(250)),
                        TimeUnit.NANOSECONDS);
                if (message != null) {
                    return message;
                }
                if (closed.isDone() && messages.isEmpty()) {
                    return null;
                }
            }
        }

        private String outcomeWithoutMessage() {
            return closed.isDone() ? "CLOSED " + closed.getNow(-1) : "DEADLINE";
        }

        /**
         * Streams on a fine tick ({@link #TICK_NANOS}) so the interval can follow the server's {@code rate}; a frame
         * is due every interval, skipped (not queued) when its tick comes more than an interval late or the previous
         * frame is still being sent.
         */
        private ScheduledFuture<?> startStreaming(double fps) {
            if (intervalNanos > 0) {
                fps = 1e9 / intervalNanos; // the share the server set for this socket stays until it says otherwise
            }
            intervalNanos = Math.round(1_000_000_000 / fps);
            long first = System.nanoTime();
            long[] nextDue = {first};
            streaming = true;
            lastFrameSentNanos = 0;
            streamingNanos -= first;
            return pacer.scheduleAtFixedRate(() -> {
                if (!streaming) {
                    return;
                }
                long nowNanos = System.nanoTime();
                if (queued) {
                    nextDue[0] = nowNanos;
                    return;
                }
                if (nowNanos < nextDue[0]) {
                    return;
                }
                long interval = intervalNanos;
                boolean late = nowNanos - nextDue[0] > interval;
                nextDue[0] = late ? nowNanos + interval : nextDue[0] + interval;
                if (late || !lastSend.isDone()) {
                    framesSkipped.incrementAndGet();
                    return;
                }
                long r0 = System.nanoTime();
                ByteBuffer jpeg = person.frame(nowMillis(), pending);
                renderNanos.addAndGet(System.nanoTime() - r0);
                sendFrame(jpeg);
            }, 0, TICK_NANOS, TimeUnit.NANOSECONDS);
        }

        private void stopStreaming(ScheduledFuture<?> ticks) {
            if (ticks != null) {
                streaming = false;
                ticks.cancel(false);
                streamingNanos += System.nanoTime();
            }
        }

        private synchronized void sendFrame(ByteBuffer jpeg) {
            if (!streaming) {
                return;
            }
            try {
                lastSend = socket.sendBinary(jpeg, true).whenComplete((ok, error) -> {
                    if (error == null) {
                        lastFrameSentNanos = System.nanoTime();
                        framesSent.incrementAndGet();
                    }
                });
            } catch (IllegalStateException | IllegalArgumentException closedMeanwhile) {
                framesSkipped.incrementAndGet();
            }
        }

        /** Waits for the previous message to be sent (the socket takes one at a time), then sends and waits. */
        private void send(java.util.function.Supplier<CompletableFuture<WebSocket>> message) {
            CompletableFuture<?> previous;
            synchronized (this) {
                previous = lastSend;
            }
            previous.exceptionally(e -> null).orTimeout(10, TimeUnit.SECONDS).exceptionally(e -> null).join();
            synchronized (this) {
                lastSend = message.get();
            }
            lastSend.orTimeout(10, TimeUnit.SECONDS).exceptionally(e -> null).join();
        }

        private Result result(String outcome, int attempts, long timeToResult) {
            return new Result(person.face(), outcome, attempts, List.copyOf(results), timeToResult,
                    List.copyOf(latencies), framesSent.get(), framesSkipped.get(),
                    Math.max(0, streamingNanos) / 1_000_000, renderNanos.get(), List.copyOf(challenges),
                    person.repeats(), busyAnswers, queueWaitNanos.get() / 1_000_000,
                    rates.stream().mapToInt(Integer::intValue).min().orElse(0), abandons,
                    List.copyOf(firstChallenges), List.copyOf(phases));
        }

        private static String type(JsonNode message) {
            return message.path("type").asString("");
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                long received = System.nanoTime();
                JsonNode message = JSON.readTree(partial.toString());
                partial.setLength(0);
                String type = type(message);
                if (PHASE_MESSAGES.contains(type)) {
                    phases.add(new Phase(type, (received - attemptStartNanos) / 1_000_000));
                }
                long sent = lastFrameSentNanos;
                // a reply is what the server says about the frames it was sent; while this user waits in the queue
                // no frames flow, and the queue's own messages (position, admission) answer no frame
                if (streaming && sent != 0 && !queued && !QUEUE_MESSAGES.contains(type)) {
                    latencies.add(received - sent);
                }
                if (Set.of("challenge_passed", "processing", "result").contains(type) || "error".equals(type)
                        && !FRAME_ERRORS.contains(message.path("code").asString(""))) {
                    pending = null; // passed, or the attempt is over
                }
                if ("rate".equals(type)) {
                    int fps = message.path("fps").asInt(0);
                    rates.add(fps);
                    if (fps > 0) {
                        intervalNanos = Math.round(1e9 / capped(fps)); // the page obeys the server's share
                    }
                    if (queued) {
                        queued = false; // admitted
                        queueWaitNanos.addAndGet(System.nanoTime() - queuedSince);
                    }
                }
                if ("queued".equals(type) && !queued) {
                    queued = true;
                    queuedSince = System.nanoTime();
                    lastFrameSentNanos = 0; // the next reply is timed from the first frame sent once admitted
                }
                if ("challenge".equals(type)) {
                    // react at once, on the listener thread: the next frame already shows the start of the move
                    try {
                        Challenge action = Challenge.valueOf(message.path("action").asString(""));
                        challenges.add(action);
                        int step = message.path("step").asInt(0);
                        if (step == 1) {
                            firstChallenges.add(action);
                        }
                        if (options.answers(step, action)) {
                            person.challengeAsked(action, nowMillis());
                            pending = action;
                        } else {
                            refused = true; // the recording has no such answer: the attempt is cancelled
                        }
                    } catch (IllegalArgumentException unknownAction) {
                        // a person asked for something they do not understand keeps still
                    }
                }
                messages.add(message);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.complete(-1);
        }
    }
}
