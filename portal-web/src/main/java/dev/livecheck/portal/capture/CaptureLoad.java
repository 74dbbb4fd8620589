package dev.livecheck.portal.capture;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Shapes the capture load instead of dropping it at random: the server analyses at most {@code budget} frames per
 * second over all running attempts and shares that evenly between them, telling each client the rate to send (never
 * below {@link #FLOOR_FPS}, never above {@link CaptureLimits#FPS}). When one more attempt could not get even the floor,
 * a new start waits in a queue (first come, first served) until a running attempt ends, or is answered BUSY when it
 * has waited {@code queueTimeoutMillis}. Thread-safe; callbacks run outside the lock.
 */
final class CaptureLoad {

    /** The lowest rate an attempt is given: challenges are judged in time, and 6 frames/s still see a 250 ms hold. */
    static final int FLOOR_FPS = 6;

    /** A running attempt's side: told its share whenever it changes. */
    interface Slot {
        void rate(int fps);
    }

    /** A queued start's side: told its place in the queue, then admitted (now holding a slot) or timed out. */
    interface Waiter extends Slot {
        void queued(int position, long timeoutSeconds);

        void admitted();

        void timedOut();
    }

    /** What {@link #admit} decided. */
    enum Admission { ADMITTED, QUEUED }

    private record Queued(Waiter waiter, long since) {
    }

    private volatile int budget;
    private final long queueTimeoutMillis;
    private final LongSupplier clock;
    private final Map<Slot, Integer> running = new LinkedHashMap<>();
    private final Deque<Queued> queue = new ArrayDeque<>();
    private final CaptureMetrics metrics;
    private final MachineLoad machine;

    /**
     * @param budget analysed frames per second the engine sustains on this machine
     * @param machine the whole machine's CPU load, sampled by {@link #watch}
     */
    CaptureLoad(int budget, long queueTimeoutMillis, LongSupplier clock, CaptureMetrics metrics, MachineLoad machine) {
        if (budget < FLOOR_FPS) {
            throw new IllegalArgumentException("a frame budget below " + FLOOR_FPS + " frames/s serves nobody");
        }
        this.budget = budget;
        this.queueTimeoutMillis = queueTimeoutMillis;
        this.clock = clock;
        this.metrics = metrics;
        this.machine = machine;
        metrics.gauges(this::queueLength, this::runningCount);
    }

    /** Checks queued starts for their timeout every second, and samples the machine's load. */
    void watch(ScheduledExecutorService ticker) {
        ticker.scheduleAtFixedRate(this::expire, 1, 1, TimeUnit.SECONDS);
        machine.watch(ticker);
    }

    /** Whether the whole machine was saturated since {@code sinceMillis} (this load's clock), see {@link MachineLoad}. */
    boolean machineSaturatedSince(long sinceMillis) {
        return machine.saturatedSince(sinceMillis);
    }

    int budget() {
        return budget;
    }

    /** No attempt holds a share and none waits for one. */
    synchronized boolean idle() {
        return running.isEmpty() && queue.isEmpty();
    }

    /**
     * Raises the budget to {@code measured} when that is higher and the server is {@link #idle}: a later probe of an
     * idle engine ({@link FrameBudgetProbe#reprobeWhenIdle}). Never lowers it: whatever shares the cores only ever
     * slows a probe down, so the fastest probe so far is the best estimate. Idle only, so no running share changes.
     *
     * @return whether the budget was raised
     */
    synchronized boolean raiseWhileIdle(int measured) {
        if (measured <= budget || !idle()) {
            return false;
        }
        budget = measured;
        return true;
    }

    /** The rate an attempt gets when {@code attempts} share the budget. */
    int share(int attempts) {
        return Math.max(FLOOR_FPS, Math.min(CaptureLimits.FPS, budget / Math.max(1, attempts)));
    }

    /** Attempts the budget serves at the floor rate. */
    int capacity() {
        return budget / FLOOR_FPS;
    }

    /**
     * Takes a slot when one more attempt still gets the floor rate and nobody is waiting before it; otherwise queues
     * the start (and tells it its position). A slot taken must be given back with {@link #release}.
     */
    Admission admit(Waiter waiter) {
        List<Runnable> tell = new ArrayList<>();
        Admission admission;
        int position;
        synchronized (this) {
            if (queue.isEmpty() && running.size() < capacity()) {
                running.put(waiter, 0);
                reshare(tell);
                admission = Admission.ADMITTED;
                position = 0;
            } else {
                queue.addLast(new Queued(waiter, clock.getAsLong()));
                admission = Admission.QUEUED;
                position = queue.size();
            }
        }
        if (admission == Admission.QUEUED) {
            metrics.queued();
            waiter.queued(position, TimeUnit.MILLISECONDS.toSeconds(queueTimeoutMillis));
        }
        tell.forEach(Runnable::run);
        return admission;
    }

    /** Gives a slot back (or leaves the queue); the next waiters take the freed capacity. Idempotent. */
    void release(Slot slot) {
        List<Runnable> tell = new ArrayList<>();
        synchronized (this) {
            boolean wasRunning = running.remove(slot) != null;
            boolean wasQueued = queue.removeIf(q -> q.waiter() == slot);
            if (!wasRunning && !wasQueued) {
                return;
            }
            admitWaiting(tell);
            reshare(tell);
            tellPositions(tell);
        }
        tell.forEach(Runnable::run);
    }

    /** The current share of a running attempt ({@link CaptureLimits#FPS} if it holds no slot). */
    synchronized int rateOf(Slot slot) {
        Integer fps = running.get(slot);
        return fps == null || fps == 0 ? CaptureLimits.FPS : fps;
    }

    synchronized int queueLength() {
        return queue.size();
    }

    synchronized int runningCount() {
        return running.size();
    }

    /** Answers BUSY to every queued start that waited its full timeout (the ticker calls this every second). */
    void expire() {
        List<Runnable> tell = new ArrayList<>();
        synchronized (this) {
            long now = clock.getAsLong();
            boolean any = queue.removeIf(q -> {
                if (now - q.since() < queueTimeoutMillis) {
                    return false;
                }
                tell.add(q.waiter()::timedOut);
                metrics.queueWait(now - q.since(), false);
                return true;
            });
            if (any) {
                tellPositions(tell);
            }
        }
        tell.forEach(Runnable::run);
    }

    private void admitWaiting(List<Runnable> tell) {
        long now = clock.getAsLong();
        while (!queue.isEmpty() && running.size() < capacity()) {
            Queued next = queue.pollFirst();
            running.put(next.waiter(), 0);
            metrics.queueWait(now - next.since(), true);
            tell.add(next.waiter()::admitted);
        }
    }

    /** Recomputes the even share and collects a rate message for every attempt whose share changed. */
    private void reshare(List<Runnable> tell) {
        int fps = share(running.size());
        for (Map.Entry<Slot, Integer> e : running.entrySet()) {
            if (e.getValue() != fps) {
                e.setValue(fps);
                Slot slot = e.getKey();
                tell.add(() -> slot.rate(fps));
            }
        }
    }

    private void tellPositions(List<Runnable> tell) {
        long timeoutSeconds = TimeUnit.MILLISECONDS.toSeconds(queueTimeoutMillis);
        int position = 0;
        for (Queued q : queue) {
            int p = ++position;
            tell.add(() -> q.waiter().queued(p, timeoutSeconds));
        }
    }
}
