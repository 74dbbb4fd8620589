package dev.livecheck.portal.capture;

/**
 * Admits at most {@code limit} frames in any window of one second (a sliding window over the last admitted frames'
 * arrival times). Refused frames do not count, so a client that slows down is admitted again at once. Not
 * thread-safe: one limiter per socket, used from the socket's message thread.
 */
final class FrameRateLimiter {

    private static final long WINDOW_MILLIS = 1000;

    private final long[] admitted;
    private int next;
    private int count;

    FrameRateLimiter(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive, was " + limit);
        }
        this.admitted = new long[limit];
    }

    /** @return true if a frame arriving at {@code nowMillis} (monotonic) is admitted */
    boolean tryAcquire(long nowMillis) {
        if (count == admitted.length && nowMillis - admitted[next] < WINDOW_MILLIS) {
            return false;
        }
        admitted[next] = nowMillis;
        next = (next + 1) % admitted.length;
        count = Math.min(count + 1, admitted.length);
        return true;
    }
}
