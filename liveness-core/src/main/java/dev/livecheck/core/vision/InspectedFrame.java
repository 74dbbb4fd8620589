package dev.livecheck.core.vision;

/**
 * A frame whose bytes passed {@link FrameDecoder#inspect(byte[], FrameDecoder.Limits)} under the caller's limits:
 * only the decoder makes one, so whoever holds it can decode it ({@link FrameDecoder#decode(InspectedFrame)}) without
 * reading the header again. The bytes are the client's and are not copied.
 */
public final class InspectedFrame {

    private final byte[] jpeg;
    private final FrameDecoder.JpegHeader header;

    InspectedFrame(byte[] jpeg, FrameDecoder.JpegHeader header) {
        this.jpeg = jpeg;
        this.header = header;
    }

    public byte[] jpeg() {
        return jpeg;
    }

    public FrameDecoder.JpegHeader header() {
        return header;
    }
}
