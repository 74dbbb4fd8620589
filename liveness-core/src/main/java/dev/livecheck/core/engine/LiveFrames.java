package dev.livecheck.core.engine;

import dev.livecheck.core.vision.FrameDecoder;
import dev.livecheck.core.vision.FrameRejectedException;
import dev.livecheck.core.vision.InspectedFrame;

/**
 * What a live frame (one JPEG from the capture socket) must be, for the code that receives frames before the engine
 * sees them: the capture protocol's limits ({@value #MAX_BYTES} bytes, at most 640x480, JPEG markers) checked
 * without decoding, and the server's re-encoding of a frame that is kept. The limits are the engine decoder's own,
 * so a frame accepted here is never refused by the engine for its size.
 */
public final class LiveFrames {

    /** The largest live frame in bytes, announced to the capture page. */
    public static final int MAX_BYTES = FrameDecoder.DEFAULT_MAX_BYTES;
    /** The longer and shorter side a live frame may have (either orientation), announced to the capture page. */
    public static final int MAX_LONG_SIDE = FrameDecoder.MAX_LONG_SIDE;
    public static final int MAX_SHORT_SIDE = FrameDecoder.MAX_SHORT_SIDE;

    /** Decoding is thread-confined per call; the decoder itself holds only its limits. */
    private static final FrameDecoder DECODER = new FrameDecoder(FrameDecoder.Limits.LIVE);

    private LiveFrames() {
    }

    /**
     * Checks size, markers and declared dimensions without decoding any pixel data; the frame that passed is what
     * the engine takes ({@link LiveAttempt#onFrame}), so it is not inspected again.
     */
    public static InspectedFrame inspect(byte[] jpeg) throws FrameRejectedException {
        return FrameDecoder.inspectFrame(jpeg, FrameDecoder.Limits.LIVE);
    }

    /** The frame decoded and encoded again: the same picture, none of the client's bytes (see {@link FrameDecoder#reencode}). */
    public static byte[] reencode(byte[] jpeg) throws FrameRejectedException {
        return DECODER.reencode(jpeg);
    }
}
