package dev.livecheck.portal.capture;

import dev.livecheck.core.engine.LiveFrames;
import java.time.Duration;

/**
 * The capture socket's fixed limits. The page carries the frame limits (size, dimensions, rate) as data attributes and
 * the {@code ready} message repeats size and rate, so the page's script holds no copies of them.
 */
final class CaptureLimits {

    /** The protocol's frame limit, the same one the engine's decoder enforces; each frame is inspected once, on receipt
     * ({@link LiveFrames#inspect}). */
    static final int MAX_FRAME_BYTES = LiveFrames.MAX_BYTES;
    /** The longer and shorter side a frame may have (either orientation), as the engine's decoder checks them. */
    static final int MAX_FRAME_LONG_SIDE = LiveFrames.MAX_LONG_SIDE;
    static final int MAX_FRAME_SHORT_SIDE = LiveFrames.MAX_SHORT_SIDE;
    /** The frame rate the client is asked to send. */
    static final int FPS = 15;
    /** Twice the asked rate is tolerated (jittery browsers); beyond that frames are dropped. */
    static final int MAX_FRAMES_PER_SECOND = 2 * FPS;
    /**
     * Frames waiting for the engine per attempt; when it falls behind, one is dropped so that the rest still span the
     * wait ({@link WaitingFrames}).
     */
    static final int FRAME_QUEUE = 4;
    /** Consecutive bad frames or messages after which the client counts as sending garbage and is disconnected. */
    static final int MAX_BAD_IN_A_ROW = 10;
    /**
     * What the container buffers for one binary message: four times the frame limit, so an oversized frame still
     * reaches the handler and gets a FRAME_TOO_LARGE error; anything larger makes the container close with 1009.
     */
    static final int BINARY_BUFFER_BYTES = 4 * MAX_FRAME_BYTES;
    /** Control messages are tiny JSON objects. */
    static final int TEXT_BUFFER_BYTES = 4096;
    /** How often a running attempt is ticked so its timeouts fire even when frames stop. */
    static final Duration TICK = Duration.ofMillis(250);

    private CaptureLimits() {
    }
}
