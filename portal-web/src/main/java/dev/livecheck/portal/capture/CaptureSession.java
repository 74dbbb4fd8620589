package dev.livecheck.portal.capture;

import dev.livecheck.core.attempt.AttemptEvent;
import dev.livecheck.core.engine.LiveAttempt;
import dev.livecheck.core.report.LivenessReport;
import dev.livecheck.core.vision.FrameDecoder;
import dev.livecheck.core.vision.FrameRejectedException;
import dev.livecheck.persistence.attempts.AttemptRefusedException;
import dev.livecheck.persistence.sessions.Recommendation;
import java.io.IOException;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;

/**
 * One capture socket: admits or refuses frames and control messages (on the socket's thread), runs at most one
 * attempt at a time (on engine threads) and tells the client what happens. The session row decides whether an attempt
 * may start and what it asks ({@link AttemptGate}): one attempt per session across sockets and nodes, and the same
 * challenge sequence until an attempt is counted. An attempt that is cancelled, or whose socket closes, before the
 * engine decides is never stored; once a challenge was issued it counts as abandoned, and too many of those close the
 * session.
 */
final class CaptureSession implements AttemptWorker.Listener, CaptureLoad.Waiter {

    private static final Logger LOG = LoggerFactory.getLogger(CaptureSession.class);

    private final WebSocketSession socket;
    private final CaptureBinding binding;
    private final CaptureServices services;
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

    /** @param socket must be safe for concurrent sends (engine and socket threads both talk to the client) */
    CaptureSession(WebSocketSession socket, CaptureBinding binding, CaptureServices services) {
        this.socket = socket;
        this.binding = binding;
        this.services = services;
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

    /** A binary message: checked cheaply here, analysed later on an engine thread. */
    void frame(byte[] jpeg) {
        long arrival = monotonicMillis();
        if (!rateLimiter.tryAcquire(arrival)) {
            noticeRateLimit(arrival);
            return;
        }
        try {
            FrameDecoder.inspect(jpeg, FrameDecoder.Limits.LIVE);
        } catch (FrameRejectedException e) {
            garbage(ProtocolError.of(e.reason()), closeStatusFor(e.reason()));
            return;
        }
        badInARow.set(0);
        AttemptWorker worker = currentWorker();
        if (worker != null) {
            if (!sampler.keep(arrival)) {
                services.metrics().droppedForRate(); // beyond this attempt's share: an even subsample is analysed
                return;
            }
            worker.offer(jpeg, arrival);
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
        if (services.load().admit(this) == CaptureLoad.Admission.ADMITTED) {
            start();
        }
    }

    @Override
    public void queued(int position, long timeoutSeconds) {
        send(ProtocolMessages.queued(position, timeoutSeconds));
    }

    @Override
    public void admitted() {
        services.ticker().execute(this::start); // off the thread that released the slot
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
                services.load().release(this);
                return;
            }
        }
        if (!services.sessionStillOpen(binding)) {
            services.load().release(this);
            send(ProtocolMessages.error(ProtocolError.SESSION_CLOSED));
            close(CloseStatus.NORMAL);
            return;
        }
        AttemptGate.Start gate = services.gate().begin(binding, leaseOwner);
        switch (gate.outcome()) {
            case IN_PROGRESS -> {
                services.load().release(this);
                send(ProtocolMessages.error(ProtocolError.ATTEMPT_IN_PROGRESS));
                return;
            }
            case CLOSED -> {
                services.load().release(this);
                send(ProtocolMessages.error(ProtocolError.SESSION_CLOSED));
                close(CloseStatus.NORMAL);
                return;
            }
            case STARTED -> {
                // below
            }
        }
        LiveAttempt attempt = services.engine().startAttempt(gate.challenges());
        AttemptWorker worker = new AttemptWorker(attempt, services.engineExecutor(), this, services.clock().instant());
        synchronized (this) {
            if (current != null) {
                return; // a second start on this socket raced the first; the lease is this socket's either way
            }
            if (closed) {
                services.gate().release(binding, leaseOwner);
                services.load().release(this);
                return;
            }
            current = worker;
            // the attempt's share, before any engine event: for a queued start this is also the sign it was admitted
            int fps = services.load().rateOf(this);
            sampler.rate(fps);
            send(ProtocolMessages.rate(fps));
            long period = CaptureLimits.TICK.toMillis();
            ticking = services.ticker().scheduleAtFixedRate(() -> worker.tick(monotonicMillis()), period, period,
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
        services.load().release(this); // also leaves the admission queue
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
                services.gate().release(binding, leaseOwner);
                return;
            }
            if (services.gate().abandoned(binding, leaseOwner, worker.challengeStep(), worker.challengeCount())) {
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
        }
        if (update.decided() && claimDecision(worker)) {
            finish(worker, update.report());
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
        services.load().release(this);
        return true;
    }

    private void finish(AttemptWorker worker, LivenessReport report) {
        if (ServerCut.cut(report, worker.offeredFrames(), worker.droppedFrames())) {
            // The server, not the person, lost the evidence: the attempt is not stored, so it is offered again.
            countFrames(worker, "BUSY");
            releaseQuietly();
            services.busyAttempts().record(binding, worker.offeredFrames(), worker.droppedFrames());
            busy();
            return;
        }
        countFrames(worker, report.frames() == 0 ? "NO_FRAMES" : report.recommendation().name());
        if (report.frames() == 0) {
            // The client started but never sent a frame: nothing was judged (and no challenge issued), so it must not
            // use up an attempt.
            releaseQuietly();
            send(ProtocolMessages.error(ProtocolError.TIMEOUT));
            return;
        }
        try {
            AttemptOutcome outcome = services.persister().store(binding, report, worker.startedAt());
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
            services.gate().release(binding, leaseOwner);
        } catch (RuntimeException e) {
            LOG.warn("releasing the attempt lease of session {} failed; it runs out by itself", binding.sessionId(), e);
        }
    }

    private void busy() {
        services.metrics().busy();
        send(ProtocolMessages.error(ProtocolError.BUSY));
    }

    private void countFrames(AttemptWorker worker, String outcome) {
        services.metrics().attempt(outcome);
        services.metrics().droppedBehind(worker.droppedFrames());
        services.metrics().analysed(worker.offeredFrames() - worker.droppedFrames());
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
