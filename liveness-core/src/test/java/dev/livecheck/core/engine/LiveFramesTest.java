package dev.livecheck.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.livecheck.core.vision.FrameDecoder;
import dev.livecheck.core.vision.FrameRejectedException;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The portal's view of a live frame: the engine decoder's limits, checked before decoding, and the re-encoding. */
class LiveFramesTest {

    @Test
    void theLimitIsTheEngineDecodersOwn() {
        assertThat(LiveFrames.MAX_BYTES).isEqualTo(FrameDecoder.Limits.LIVE.maxBytes()).isEqualTo(262_144);
    }

    @Test
    void acceptsA640x480JpegAndRefusesWhatTheEngineWouldRefuse() throws IOException {
        byte[] vga = jpeg(640, 480);
        assertThatCode(() -> LiveFrames.inspect(vga)).doesNotThrowAnyException();

        assertThatThrownBy(() -> LiveFrames.inspect(jpeg(800, 600))).isInstanceOf(FrameRejectedException.class)
                .extracting(e -> ((FrameRejectedException) e).reason()).isEqualTo(FrameRejectedException.Reason.BAD_DIMENSIONS);
        assertThatThrownBy(() -> LiveFrames.inspect(new byte[LiveFrames.MAX_BYTES + 1]))
                .isInstanceOf(FrameRejectedException.class)
                .extracting(e -> ((FrameRejectedException) e).reason()).isEqualTo(FrameRejectedException.Reason.FRAME_TOO_LARGE);
        assertThatThrownBy(() -> LiveFrames.inspect(Arrays.copyOf(vga, vga.length / 2)))
                .isInstanceOf(FrameRejectedException.class);
    }

    @Test
    void reencodingKeepsThePictureButNotTheClientsBytes() throws Exception {
        byte[] original = jpeg(320, 240);
        byte[] reencoded = LiveFrames.reencode(original);
        assertThat(reencoded).isNotEqualTo(original);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(reencoded));
        assertThat(image.getWidth()).isEqualTo(320);
        assertThat(image.getHeight()).isEqualTo(240);
    }

    private static byte[] jpeg(int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, new Color((x * 255) / width, (y * 255) / height, 128).getRGB());
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", out);
        return out.toByteArray();
    }
}
