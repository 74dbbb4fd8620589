package dev.livecheck.portal.capture;

import java.util.ArrayList;
import java.util.List;

/**
 * What one attempt has waiting for the engine: at most {@code capacity} items, each with its arrival time. When the
 * engine falls behind and one more arrives, the waiting item whose neighbours lie closest together is dropped, never
 * the oldest: what is kept still spans the whole wait, as evenly as it can, so a hold or the 400 ms lock seen across
 * the wait is still seen when the engine catches up.
 *
 * <p>Dropping the oldest instead cut off the start of every wait. At 40 users arriving within two seconds the engine
 * was half a second behind while attempts locked on: each lock lost its first frames, missed its 400 ms by one
 * frame and waited a whole further backlog for the next (challenge 1 at 0.8-1.2 s after the start, 0.5 s for one
 * user). Not thread-safe: the worker holds its own lock around it.
 */
final class WaitingFrames<T> {

    /** A waiting item and when it arrived. */
    record Waiting<T>(T item, long arrivalMillis) {
    }

    private final int capacity;
    private final List<Waiting<T>> waiting;

    WaitingFrames(int capacity) {
        if (capacity < 2) {
            throw new IllegalArgumentException("thinning keeps the oldest and the newest: capacity must be at least 2");
        }
        this.capacity = capacity;
        this.waiting = new ArrayList<>(capacity);
    }

    /** Queues {@code item}; returns true if a waiting one was dropped to make room for it. */
    boolean add(T item, long arrivalMillis) {
        boolean dropped = false;
        if (waiting.size() == capacity) {
            waiting.remove(thinnest(arrivalMillis));
            dropped = true;
        }
        waiting.add(new Waiting<>(item, arrivalMillis));
        return dropped;
    }

    /**
     * The index whose removal leaves the shortest gap between its neighbours (the newcomer counts as the last one),
     * the older of equals; never 0, the oldest.
     */
    private int thinnest(long newcomerMillis) {
        int best = 1;
        long bestGap = Long.MAX_VALUE;
        for (int i = 1; i < waiting.size(); i++) {
            long next = i + 1 < waiting.size() ? waiting.get(i + 1).arrivalMillis() : newcomerMillis;
            long gap = next - waiting.get(i - 1).arrivalMillis();
            if (gap < bestGap) {
                best = i;
                bestGap = gap;
            }
        }
        return best;
    }

    /** The oldest waiting item, removed; null when none waits. */
    Waiting<T> poll() {
        return waiting.isEmpty() ? null : waiting.remove(0);
    }

    boolean isEmpty() {
        return waiting.isEmpty();
    }

    void clear() {
        waiting.clear();
    }
}
