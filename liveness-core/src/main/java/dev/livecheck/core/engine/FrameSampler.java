package dev.livecheck.core.engine;

import dev.livecheck.core.recording.RecordedFrame;
import dev.livecheck.core.recording.Recording;
import java.util.List;

/**
 * Keeps an even subsample of one attempt's frames at its share of the frame budget: a frame is analysed when at least
 * most of a frame interval has passed since the last one kept, so a client sending faster than asked loses frames
 * evenly instead of in bursts. The portal keeps one per socket (used from the socket's thread only, the rate set from
 * any); {@code liveness-cli evaluate --fps} judges recordings through one, as the server would analyse them under load.
 */
public final class FrameSampler {

    /**
     * A frame arriving this fraction of an interval early is still kept: browsers' timers jitter, and a client that
     * obeys the rate must not lose every other frame to a few milliseconds.
     */
    public static final double TOLERANCE = 0.25;

    private volatile int fps;
    private long lastKept = Long.MIN_VALUE;

    public FrameSampler(int fps) {
        this.fps = fps;
    }

    public void rate(int fps) {
        this.fps = fps;
    }

    public int fps() {
        return fps;
    }

    /**
     * The frames of {@code recording} a server analysing at most {@code fps} a second keeps, by the recording's own
     * timestamps ({@code liveness-cli evaluate --fps} and {@code bench --fps}); the recording itself when {@code fps}
     * is 0.
     */
    public static Recording keptFrom(Recording recording, int fps) {
        if (fps <= 0) {
            return recording;
        }
        FrameSampler sampler = new FrameSampler(fps);
        List<RecordedFrame> kept = recording.frames().stream().filter(f -> sampler.keep(f.t())).toList();
        return new Recording(recording.name(), recording.challenges(), kept);
    }

    /** Whether the frame arriving (or stamped) at {@code arrivalMillis} is analysed. */
    public boolean keep(long arrivalMillis) {
        long minGap = Math.round(1000.0 / fps * (1 - TOLERANCE));
        if (lastKept != Long.MIN_VALUE && arrivalMillis - lastKept < minGap) {
            return false;
        }
        lastKept = arrivalMillis;
        return true;
    }
}
