package dev.livecheck.portal.capture;

/**
 * Keeps an even subsample of one attempt's frames at its share of the frame budget: a frame is analysed when at least
 * most of a frame interval has passed since the last one kept, so a client sending faster than asked loses frames
 * evenly instead of in bursts. Used from the socket's thread only.
 */
final class FrameSampler {

    /**
     * A frame arriving this fraction of an interval early is still kept: browsers' timers jitter, and a client that
     * obeys the rate must not lose every other frame to a few milliseconds.
     */
    static final double TOLERANCE = 0.25;

    private volatile int fps;
    private long lastKept = Long.MIN_VALUE;

    FrameSampler(int fps) {
        this.fps = fps;
    }

    void rate(int fps) {
        this.fps = fps;
    }

    int fps() {
        return fps;
    }

    boolean keep(long arrivalMillis) {
        long minGap = Math.round(1000.0 / fps * (1 - TOLERANCE));
        if (lastKept != Long.MIN_VALUE && arrivalMillis - lastKept < minGap) {
            return false;
        }
        lastKept = arrivalMillis;
        return true;
    }
}
