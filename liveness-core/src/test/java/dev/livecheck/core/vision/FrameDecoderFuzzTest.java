package dev.livecheck.core.vision;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.Tag;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Untrusted frames: whatever the bytes, {@link FrameDecoder} returns a picture within the protocol's limits or a
 * {@link FrameRejectedException}; nothing else escapes (no runtime exception, no native crash). The normal build
 * replays the committed corpus ({@code FrameDecoderFuzzTestInputs/}); {@code JAZZER_FUZZ=1} fuzzes (see
 * docs/security.md, "Fuzzing").
 */
@Tag("fuzz")
class FrameDecoderFuzzTest {

    private static final FrameDecoder DECODER = new FrameDecoder();

    /** The header check alone, as the socket thread runs it: pure Java, so fast to fuzz. */
    @FuzzTest(maxDuration = "30s")
    void inspectAcceptsOrRefuses(byte[] data) {
        try {
            FrameDecoder.JpegHeader header = FrameDecoder.inspect(data, FrameDecoder.Limits.LIVE);
            assertThat(Math.max(header.width(), header.height())).isLessThanOrEqualTo(FrameDecoder.MAX_LONG_SIDE);
            assertThat(Math.min(header.width(), header.height())).isLessThanOrEqualTo(FrameDecoder.MAX_SHORT_SIDE);
        } catch (FrameRejectedException expected) {
            assertThat(expected.reason()).isNotNull();
        }
    }

    /** Through libjpeg: what passes the header check is decoded to exactly its declared size, or refused. */
    @FuzzTest(maxDuration = "30s")
    void decodeYieldsTheDeclaredSizeOrRefuses(byte[] data) {
        try (Mat image = DECODER.decode(data)) {
            FrameDecoder.JpegHeader header = FrameDecoder.inspect(data, FrameDecoder.Limits.LIVE);
            assertThat(image.cols()).isEqualTo(header.width());
            assertThat(image.rows()).isEqualTo(header.height());
        } catch (FrameRejectedException expected) {
            assertThat(expected.reason()).isNotNull();
        }
    }
}
