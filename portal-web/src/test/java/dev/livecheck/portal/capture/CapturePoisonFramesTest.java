package dev.livecheck.portal.capture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livecheck.core.testkit.Species;
import dev.livecheck.persistence.attempts.MediaRole;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Frames a real camera page never sends, over a real socket: a progressive JPEG is refused with NOT_JPEG before the
 * engine decodes it, and the three images stored for an attempt are the server's encoding, never the client's bytes.
 */
class CapturePoisonFramesTest extends CaptureSocketTestSupport {

    @Test
    void aProgressiveFrameIsRefusedAsNotJpeg() throws Exception {
        Link link = newLink(2, Instant.now());
        TestSocket socket = openReady(link);
        socket.sendText(START);
        socket.sendBinary(progressiveJpeg());
        JsonNode error = socket.nextError("NOT_JPEG", SOON);
        assertThat(error.get("message").asString()).isNotBlank();
        socket.close();
    }

    @Test
    void storedImagesAreReencodedByTheServer() throws Exception {
        Link link = newLink(2, Instant.now());
        TestSocket socket = openReady(link);
        JsonNode result = play(socket, Species.BONA_FIDE, 41);
        assertThat(result.get("recommendation").asString()).isEqualTo("APPROVE");
        socket.close();

        List<byte[]> sent = dev.livecheck.core.testkit.SyntheticCamera.render(Species.BONA_FIDE,
                FixedChallengesConfiguration.CHALLENGES, 41, new dev.livecheck.core.testkit.SyntheticCamera.Options(15,
                        true)).recording().frames().stream().map(f -> f.jpeg()).toList();
        var attempt = attempts.findAllByBusinessIdAndSessionIdOrderByAttemptNumber(link.businessId(),
                link.sessionId()).get(0);
        for (MediaRole role : MediaRole.values()) {
            byte[] stored = media.findContent(link.businessId(), attempt.id(), role).orElseThrow().bytes();
            assertThat(sent).as(role.name()).noneMatch(frame -> java.util.Arrays.equals(frame, stored));
            assertThat(ImageIO.read(new java.io.ByteArrayInputStream(stored))).as(role.name()).isNotNull();
        }
    }

    static byte[] progressiveJpeg() throws Exception {
        BufferedImage image = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 240; y++) {
            for (int x = 0; x < 320; x++) {
                image.setRGB(x, y, (x * 7 + y * 3) & 0xFFFFFF);
            }
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.write(null, new IIOImage(image, null, null), param);
        }
        writer.dispose();
        return out.toByteArray();
    }
}
