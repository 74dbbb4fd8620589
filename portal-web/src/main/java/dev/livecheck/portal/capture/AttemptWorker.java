package dev.livecheck.portal.capture;

import dev.livecheck.core.attempt.AttemptEvent;
import dev.livecheck.core.engine.LiveAttempt;
import dev.livecheck.core.vision.FrameRejectedException;
import dev.livecheck.core.vision.InspectedFrame;
import java.time.Instant;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds one live attempt from the shared engine executor. {@link LiveAttempt} calls must not overlap, so at most one
 * drain task per attempt is queued or running. Frames wait in a small bounded queue ({@link WaitingFrames}, thinned
 * when the engine falls behind), so memory never grows with load.
 */
final class AttemptWorker {

    /** Receives what the engine made of frames and ticks, on an engine thread, in order. */
    interface Listener {
        void updated(AttemptWorker worker, LiveAttempt.Update update);

        void frameRejected(AttemptWorker worker, FrameRejectedException rejection);

        void failed(AttemptWorker worker, Exception failure);
    }

    /** Frames and ticks handled per task before yielding the thread to other attempts. */
    private static final int BATCH = 8;
    private static final Logger LOG = LoggerFactory.getLogger(AttemptWorker.class);

    private final LiveAttempt attempt;
    private final Executor executor;
    private final Listener listener;
    private final Instant startedAt;
    private final long startedMonotonicMillis = CaptureConnection.monotonicMillis();
    private final WaitingFrames<InspectedFrame> frames = new WaitingFrames<>(CaptureLimits.FRAME_QUEUE);
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private volatile long pendingTick = -1;
    /** The last challenge issued (1-based) and the sequence length; 0 while none was issued. */
    private volatile int challengeStep;
    private volatile int challengeCount;
    private volatile boolean stopped;
    private int dropped;
    private int offered;

    AttemptWorker(LiveAttempt attempt, Executor executor, Listener listener, Instant startedAt) {
        this.attempt = attempt;
        this.executor = executor;
        this.listener = listener;
        this.startedAt = startedAt;
    }

    Instant startedAt() {
        return startedAt;
    }

    /** When it started on the capture ticker's clock ({@link CaptureConnection#monotonicMillis}). */
    long startedMonotonicMillis() {
        return startedMonotonicMillis;
    }

    /** The last challenge step issued, 0 if none yet: an abandon after the first challenge counts. */
    int challengeStep() {
        return challengeStep;
    }

    int challengeCount() {
        return challengeCount;
    }

    synchronized int droppedFrames() {
        return dropped;
    }

    /** Frames handed to this attempt (analysed or dropped because the engine fell behind). */
    synchronized int offeredFrames() {
        return offered;
    }

    /** A frame the connection inspected on receipt; the engine decodes it without inspecting it again. */
    void offer(InspectedFrame jpeg, long arrivalMillis) {
        if (stopped) {
            return;
        }
        synchronized (this) {
            offered++;
            if (frames.add(jpeg, arrivalMillis)) {
                dropped++;
            }
        }
        schedule();
    }

    void tick(long nowMillis) {
        if (!stopped) {
            pendingTick = nowMillis;
            schedule();
        }
    }

    /** No more frames or ticks; a drain already running finishes its current step. */
    void stop() {
        stopped = true;
        synchronized (this) {
            frames.clear();
        }
    }

    private void schedule() {
        if (!scheduled.compareAndSet(false, true)) {
            return;
        }
        try {
            executor.execute(this::drain);
        } catch (RejectedExecutionException e) {
            // Overloaded: lose this frame or tick rather than block the socket thread; the next one retries.
            scheduled.set(false);
            LOG.warn("capture engine executor is saturated; dropping work for one attempt");
        }
    }

    private void drain() {
        try {
            int done = 0;
            while (done < BATCH && !stopped && step()) {
                done++;
            }
        } finally {
            scheduled.set(false);
            if (!stopped && hasWork()) {
                schedule();
            }
        }
    }

    /** @return false when there was nothing to do */
    private boolean step() {
        WaitingFrames.Waiting<InspectedFrame> frame;
        synchronized (this) {
            frame = frames.poll();
        }
        try {
            if (frame != null) {
                deliver(attempt.onFrame(frame.item(), frame.arrivalMillis()));
                return true;
            }
            long tick = pendingTick;
            if (tick >= 0) {
                pendingTick = -1;
                deliver(attempt.onTick(tick));
                return true;
            }
            return false;
        } catch (FrameRejectedException e) {
            listener.frameRejected(this, e);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop();
            return false;
        } catch (RuntimeException e) {
            stop();
            listener.failed(this, e);
            return false;
        }
    }

    private void deliver(LiveAttempt.Update update) {
        // Noted before the listener hears of it: a cancel racing with the event must still see the challenge.
        for (AttemptEvent event : update.events()) {
            if (event instanceof AttemptEvent.ChallengeIssued issued) {
                challengeCount = issued.of();
                challengeStep = issued.step();
            }
        }
        if (update.decided()) {
            stop();
        }
        if (!update.events().isEmpty() || update.decided()) {
            listener.updated(this, update);
        }
    }

    private synchronized boolean hasWork() {
        return !frames.isEmpty() || pendingTick >= 0;
    }
}
