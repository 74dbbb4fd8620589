package dev.livecheck.portal.capture;

import dev.livecheck.core.attempt.AttemptEvent;
import dev.livecheck.core.engine.FrameSampler;
import dev.livecheck.core.engine.LiveAttempt;
import dev.livecheck.core.engine.LivenessEngine;
import dev.livecheck.core.report.LivenessReport;
import dev.livecheck.core.vision.FrameRejectedException;
import dev.livecheck.core.engine.LiveFrames;
import dev.livecheck.core.vision.InspectedFrame;
import dev.livecheck.persistence.attempts.AttemptRefusedException;
import dev.livecheck.persistence.sessions.Recommendation;
import java.io.IOException;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;

/**
 * One capture socket ("connection", so that "session" only ever means the verification session): admits or refuses
 * frames and control messages (on the socket's thread; each frame is inspected here, once), runs at most one attempt
 * at a time (on engine threads), stores its result (on the storage executor) and tells the client what happens. The
 * session row decides whether an attempt may start and what it asks ({@link AttemptGate}): one attempt per session
 * across sockets and nodes, and the same challenge sequence until an attempt is counted. An attempt that is
 * cancelled, or whose socket closes, before the engine decides is never stored; once a challenge was issued it counts
 * as abandoned, and too many of those close the session. Opened by {@link CaptureConnections}.
 */
final class CaptureConnection implements AttemptWorker.Listener, CaptureLoad.Waiter {

    private static final Logger LOG = LoggerFactory.getLogger(CaptureConnection.class);

    private final WebSocketSession socket;
    private final CaptureBinding binding;
    private final LivenessEngine engine;
    private final AttemptGate gate;
    private final AttemptResults results;
    private final Executor engineExecutor;
    private final ScheduledExecutorService ticker;
    private final Executor storage;
    private final CaptureLoad load;
    private final CaptureMetrics metrics;
    private final BusyAttemptLog busyAttempts;
    private final Clock clock;
    private final FrameRateLimiter rateLimiter = new FrameRateLimiter(CaptureLimits.MAX_FRAMES_PER_SECOND);
    private final AtomicInteger badInARow = new AtomicInteger();
    /** This socket's name on the session's attempt lease. */
    private final String leaseOwner = "socket:" + UUID.randomUUID();
    private long lastRateLimitNotice = Long.MIN_VALUE;
    /** This socket's share of the frame budget: the frames of its attempt that are analysed. */
    private final FrameSampler sampler = new FrameSampler(CaptureLimits.FPS);
    /** A start is waiting for its share (queued, or admitted and not yet started). */
    private boolean waiting;
    private AttemptWorker current;
    private ScheduledFuture<?> ticking;
    private boolean closed;

    /** See {@link CaptureConnections#open}. */
    CaptureConnection(WebSocketSession socket, CaptureBinding binding, LivenessEngine engine, AttemptGate gate,
                      AttemptResults results, Executor engineExecutor, ScheduledExecutorService ticker,
                      Executor storage, CaptureLoad load, CaptureMetrics metrics, BusyAttemptLog busyAttempts,
                      Clock clock) {
        this.socket = socket;
        this.binding = binding;
        this.engine = engine;
        this.gate = gate;
        this.results = results;
        this.engineExecutor = engineExecutor;
        this.ticker = ticker;
        this.storage = storage;
        this.load = load;
        this.metrics = metrics;
        this.busyAttempts = busyAttempts;
        this.clock = clock;
    }

    void opened(int attempt, int attemptsLeft) {
        send(ProtocolMessages.ready(attempt, attemptsLeft));
    }

    void message(String text) {
        ClientMessage.parse(text).ifPresentOrElse(message -> {
            badInARow.set(0);
            switch (message) {
                case START -> requestStart();
                case CANCEL -> abandonCurrent();
            }
        }, () -> garbage(ProtocolError.BAD_MESSAGE, CloseStatus.POLICY_VIOLATION));
    }

    /**
     * A binary message: inspected here, once, against the protocol's limits without decoding (every frame is answered,
     * in or outside an attempt), analysed later on an engine thread.
     */
    void frame(byte[] jpeg) {
        long arrival = monotonicMillis();
        if (!rateLimiter.tryAcquire(arrival)) {
            noticeRateLimit(arrival);
            return;
        }
        InspectedFrame frame;
        try {
            frame = LiveFrames.inspect(jpeg);
        } catch (FrameRejectedException e) {
            garbage(ProtocolError.of(e.reason()), closeStatusFor(e.reason()));
            return;
        }
        badInARow.set(0);
        AttemptWorker worker = currentWorker();
        if (worker != null) {
            if (!sampler.keep(arrival)) {
                metrics.droppedForRate(); // beyond this attempt's share: an even subsample is analysed
                return;
            }
            worker.offer(frame, arrival);
        }
        // Frames outside an attempt (before start, after a result) are dropped: the client streams a little early or late.
    }

    void closed() {
        synchronized (this) {
            closed = true;
        }
        abandonCurrent();
    }

    /** A start takes a share of the frame budget first, or waits in the admission queue for one. */
    private void requestStart() {
        synchronized (this) {
            if (closed) {
                return;
            }
            if (current != null || waiting) {
                send(ProtocolMessages.error(ProtocolError.ATTEMPT_RUNNING));
                return;
            }
            waiting = true;
        }
        if (load.admit(this) == CaptureLoad.Admission.ADMITTED) {
            start();
        }
    }

    @Override
    public void queued(int position, long timeoutSeconds) {
        send(ProtocolMessages.queued(position, timeoutSeconds));
    }

    @Override
    public void admitted() {
        ticker.execute(this::start); // off the thread that released the slot
    }

    @Override
    public void timedOut() {
        synchronized (this) {
            waiting = false;
        }
        busy();
    }

    /** A new share: the sampler follows at once; the client hears it while an attempt runs (see {@link #start}). */
    @Override
    public void rate(int fps) {
        sampler.rate(fps);
        if (currentWorker() != null) {
            send(ProtocolMessages.rate(fps));
        }
    }

    private void start() {
        synchronized (this) {
            waiting = false;
            if (closed || current != null) {
                load.release(this);
                return;
            }
        }
        // the link may have expired, been cancelled or been replaced ("Resend with a new link") since the handshake:
        // the gate's claim checks that in the same UPDATE (CLOSED)
        AttemptGate.Start start = gate.begin(binding, leaseOwner);
        switch (start.outcome()) {
            case IN_PROGRESS -> {
                load.release(this);
                send(ProtocolMessages.error(ProtocolError.ATTEMPT_IN_PROGRESS));
                return;
            }
            case CLOSED -> {
                load.release(this);
                send(ProtocolMessages.error(ProtocolError.SESSION_CLOSED));
                close(CloseStatus.NORMAL);
                return;
            }
            case STARTED -> {
                // below
            }
        }
        LiveAttempt attempt = engine.startAttempt(start.challenges());
        AttemptWorker worker = new AttemptWorker(attempt, engineExecutor, this, clock.instant());
        synchronized (this) {
            if (current != null) {
                return; // a second start on this socket raced the first; the lease is this socket's either way
            }
            if (closed) {
                gate.release(binding, leaseOwner);
                load.release(this);
                return;
            }
            current = worker;
            // the attempt's share, before any engine event: for a queued start this is also the sign it was admitted
            int fps = load.rateOf(this);
            sampler.rate(fps);
            send(ProtocolMessages.rate(fps));
            long period = CaptureLimits.TICK.toMillis();
            ticking = ticker.scheduleAtFixedRate(() -> worker.tick(monotonicMillis()), period, period,
                    TimeUnit.MILLISECONDS);
        }
    }

    private void abandonCurrent() {
        AttemptWorker worker;
        synchronized (this) {
            worker = current;
            current = null;
            waiting = false;
            stopTicking();
        }
        load.release(this); // also leaves the admission queue
        if (worker != null) {
            worker.stop();
            countFrames(worker, "ABANDONED");
            settleAbandoned(worker);
        }
    }

    /**
     * An attempt ended without a decision: free before its first challenge, counted against the session's cap after
     * it. The abandon that closes the session ends it for this client like a final rejected result.
     */
    private void settleAbandoned(AttemptWorker worker) {
        try {
            if (worker.challengeStep() == 0) {
                gate.release(binding, leaseOwner);
                return;
            }
            if (gate.abandoned(binding, leaseOwner, worker.challengeStep(), worker.challengeCount())) {
                send(ProtocolMessages.result(new AttemptOutcome(Recommendation.REJECT, 0, true,
                        binding.errorRedirectUrl())));
            }
        } catch (RuntimeException e) {
            // The lease runs out by itself; the next start finds the session as the database left it.
            LOG.error("recording an abandoned attempt of session {} failed", binding.sessionId(), e);
        }
    }

    @Override
    public void updated(AttemptWorker worker, LiveAttempt.Update update) {
        if (currentWorker() != worker) {
            return; // cancelled meanwhile: the client no longer cares about this attempt
        }
        for (AttemptEvent event : update.events()) {
            send(ProtocolMessages.forEvent(event));
            if (event instanceof AttemptEvent.ChallengeIssued) {
                renewLease();
            }
        }
        if (update.decided() && claimDecision(worker)) {
            conclude(worker, update.report());
        }
    }

    /**
     * The attempt is alive and asking: its lease gets a whole lease time again, so a long but live attempt (a slow
     * lock, a queue at the engine) keeps it. Off the engine thread; a failure only means the lease may run out.
     */
    private void renewLease() {
        try {
            storage.execute(() -> {
                try {
                    if (!gate.renew(binding, leaseOwner)) {
                        LOG.warn("the attempt lease of session {} was lost; its result may not be counted",
                                binding.sessionId());
                    }
                } catch (RuntimeException e) {
                    LOG.warn("renewing the attempt lease of session {} failed", binding.sessionId(), e);
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.warn("capture storage is saturated or closed; the lease of session {} is not renewed",
                    binding.sessionId());
        }
    }

    /** A decided attempt is concluded (stored or not, see {@link AttemptResults#disposition}) on the storage executor. */
    private void conclude(AttemptWorker worker, LivenessReport report) {
        try {
            storage.execute(() -> finish(worker, report));
        } catch (RejectedExecutionException e) {
            LOG.error("capture storage is saturated or closed; an attempt of session {} is not stored",
                    binding.sessionId());
            countFrames(worker, "ERROR");
            releaseQuietly();
            send(ProtocolMessages.error(ProtocolError.INTERNAL));
        }
    }

    @Override
    public void frameRejected(AttemptWorker worker, FrameRejectedException rejection) {
        garbage(ProtocolError.of(rejection.reason()), closeStatusFor(rejection.reason()));
    }

    @Override
    public void failed(AttemptWorker worker, Exception failure) {
        LOG.error("capture attempt for session {} failed in the engine", binding.sessionId(), failure);
        if (claimDecision(worker)) {
            countFrames(worker, "ERROR");
            releaseQuietly();
            send(ProtocolMessages.error(ProtocolError.INTERNAL));
        }
    }

    /** Once claimed, a cancel or a closing socket can no longer drop the attempt: it is decided and gets stored. */
    private synchronized boolean claimDecision(AttemptWorker worker) {
        if (current != worker) {
            return false;
        }
        current = null;
        stopTicking();
        load.release(this);
        return true;
    }

    private void finish(AttemptWorker worker, LivenessReport report) {
        boolean saturated = load.machineSaturatedSince(worker.startedMonotonicMillis());
        switch (AttemptResults.disposition(report, worker.offeredFrames(), worker.droppedFrames(), saturated,
                () -> busyAttempts.countFor(binding))) {
            case BUSY -> {
                countFrames(worker, "BUSY");
                releaseQuietly();
                busyAttempts.record(binding, worker.offeredFrames(), worker.droppedFrames(), saturated);
                busy();
                return;
            }
            case NO_FRAMES -> {
                countFrames(worker, "NO_FRAMES");
                releaseQuietly();
                send(ProtocolMessages.error(ProtocolError.TIMEOUT));
                return;
            }
            case COUNTED -> countFrames(worker, report.recommendation().name());
        }
        try {
            AttemptOutcome outcome = results.store(binding, leaseOwner, report, worker.startedAt());
            send(ProtocolMessages.result(outcome));
        } catch (AttemptRefusedException e) {
            LOG.info("attempt not stored: {}", e.getMessage());
            releaseQuietly();
            send(ProtocolMessages.error(ProtocolError.SESSION_CLOSED));
        } catch (RuntimeException e) {
            LOG.error("storing an attempt of session {} failed", binding.sessionId(), e);
            releaseQuietly();
            send(ProtocolMessages.error(ProtocolError.INTERNAL));
        }
    }

    /** Storing a counted attempt ends the lease in its own transaction; every other end releases it here. */
    private void releaseQuietly() {
        try {
            gate.release(binding, leaseOwner);
        } catch (RuntimeException e) {
            LOG.warn("releasing the attempt lease of session {} failed; it runs out by itself", binding.sessionId(), e);
        }
    }

    private void busy() {
        metrics.busy();
        send(ProtocolMessages.error(ProtocolError.BUSY));
    }

    private void countFrames(AttemptWorker worker, String outcome) {
        metrics.attempt(outcome);
        metrics.droppedBehind(worker.droppedFrames());
        metrics.analysed(worker.offeredFrames() - worker.droppedFrames());
    }

    /** Bad input is answered and dropped; too much of it in a row ends the socket. */
    private void garbage(ProtocolError error, CloseStatus closeWith) {
        send(ProtocolMessages.error(error));
        if (badInARow.incrementAndGet() >= CaptureLimits.MAX_BAD_IN_A_ROW) {
            abandonCurrent();
            close(closeWith);
        }
    }

    /** At most one RATE_LIMITED per second: a flood must not be answered with a flood. */
    private void noticeRateLimit(long now) {
        if (lastRateLimitNotice == Long.MIN_VALUE || now - lastRateLimitNotice >= 1000) {
            lastRateLimitNotice = now;
            send(ProtocolMessages.error(ProtocolError.RATE_LIMITED));
        }
    }

    private static CloseStatus closeStatusFor(FrameRejectedException.Reason reason) {
        return reason == FrameRejectedException.Reason.FRAME_TOO_LARGE
                ? CloseStatus.TOO_BIG_TO_PROCESS : CloseStatus.POLICY_VIOLATION;
    }

    private synchronized AttemptWorker currentWorker() {
        return current;
    }

    private void stopTicking() {
        if (ticking != null) {
            ticking.cancel(false);
            ticking = null;
        }
    }

    private void send(String json) {
        if (!socket.isOpen()) {
            return;
        }
        try {
            socket.sendMessage(new TextMessage(json));
        } catch (IOException | IllegalStateException e) {
            LOG.debug("capture socket {} is gone: {}", socket.getId(), e.getMessage());
        }
    }

    private void close(CloseStatus status) {
        try {
            socket.close(status);
        } catch (IOException e) {
            LOG.debug("closing capture socket {} failed: {}", socket.getId(), e.getMessage());
        }
    }

    /** Arrival times and ticks share this clock; wall-clock jumps must not distort an attempt's timing. */
    static long monotonicMillis() {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime());
    }
}
