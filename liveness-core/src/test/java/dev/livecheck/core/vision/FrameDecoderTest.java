package dev.livecheck.core.vision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bytedeco.opencv.global.opencv_core.absdiff;
import static org.bytedeco.opencv.global.opencv_core.mean;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMWRITE_JPEG_PROGRESSIVE;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imencode;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import dev.livecheck.core.vision.FrameRejectedException.Reason;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FrameDecoderTest {

    private static byte[] valid640x480;
    private final FrameDecoder decoder = new FrameDecoder();

    @BeforeAll
    static void makeFrame() {
        try (Mat face = TestImages.face(TestImages.faceNames().get(0)); Mat frame = new Mat()) {
            resize(face, frame, new Size(640, 480), 0, 0, INTER_AREA);
            valid640x480 = TestImages.jpeg(frame, 85);
        }
        assertThat(valid640x480.length).isLessThan(FrameDecoder.DEFAULT_MAX_BYTES);
    }

    @Test
    void acceptsValid640x480Jpeg() throws Exception {
        try (Mat image = decoder.decode(valid640x480)) {
            assertThat(image.cols()).isEqualTo(640);
            assertThat(image.rows()).isEqualTo(480);
            assertThat(image.channels()).isEqualTo(3);
        }
        assertThat(FrameDecoder.inspect(valid640x480, FrameDecoder.Limits.LIVE))
                .isEqualTo(new FrameDecoder.JpegHeader(640, 480));
    }

    @Test
    void acceptsPortraitOrientation() throws Exception {
        try (Mat portrait = TestImages.uniform(480, 640, 128); Mat image = decoder.decode(TestImages.jpeg(portrait, 90))) {
            assertThat(image.cols()).isEqualTo(480);
            assertThat(image.rows()).isEqualTo(640);
        }
    }

    @Test
    void refusesEmptyAndNull() {
        assertRejected(new byte[0], Reason.NOT_JPEG);
        assertRejected(null, Reason.NOT_JPEG);
    }

    @Test
    void refusesPng() {
        try (Mat image = TestImages.uniform(320, 240, 90)) {
            assertRejected(TestImages.png(image), Reason.NOT_JPEG);
        }
    }

    @Test
    void refusesRandomBytes() {
        byte[] random = new byte[4096];
        new Random(42).nextBytes(random);
        random[0] = 0x12; // make sure the noise does not start like a JPEG by chance
        assertRejected(random, Reason.NOT_JPEG);
    }

    @Test
    void refusesText() {
        assertRejected("GET / HTTP/1.1\r\nHost: example\r\n\r\n".getBytes(StandardCharsets.US_ASCII), Reason.NOT_JPEG);
        assertRejected("{\"frame\":\"not a jpeg\"}".getBytes(StandardCharsets.UTF_8), Reason.NOT_JPEG);
    }

    @Test
    void refusesJpegCutInHalf() {
        assertRejected(Arrays.copyOf(valid640x480, valid640x480.length / 2), Reason.FRAME_TRUNCATED);
    }

    @Test
    void jpegMissingHalfItsScanDataIsRefusedOrDecodedAtItsDeclaredSize() {
        // Keeps the SOI, headers and EOI but drops half the entropy-coded data:
        // only libjpeg can notice. Today OpenCV pads the missing rows with grey and the frame is
        // accepted (a known limitation); what must hold is that nothing of another size comes back.
        int sos = markerOffset(valid640x480, 0xDA);
        int cut = sos + (valid640x480.length - sos) / 2;
        byte[] damaged = new byte[cut + 2];
        System.arraycopy(valid640x480, 0, damaged, 0, cut);
        damaged[cut] = (byte) 0xFF;
        damaged[cut + 1] = (byte) 0xD9;
        try {
            try (Mat image = decoder.decode(damaged)) {
                // libjpeg may pad a short scan with grey; it must then at least be the declared size.
                assertThat(image.cols()).isEqualTo(640);
                assertThat(image.rows()).isEqualTo(480);
            }
        } catch (FrameRejectedException e) {
            assertThat(e.reason()).isEqualTo(Reason.NOT_JPEG);
        }
    }

    @Test
    void refusesOversizedFrameBeforeLookingAtIt() {
        byte[] big = new byte[FrameDecoder.DEFAULT_MAX_BYTES + 1];
        System.arraycopy(valid640x480, 0, big, 0, valid640x480.length);
        assertRejected(big, Reason.FRAME_TOO_LARGE);
        // exactly at the limit is not "too large" (it is refused for another reason here: no EOI at the end)
        byte[] atLimit = Arrays.copyOf(big, FrameDecoder.DEFAULT_MAX_BYTES);
        assertThatThrownBy(() -> decoder.decode(atLimit))
                .isInstanceOf(FrameRejectedException.class)
                .extracting(e -> ((FrameRejectedException) e).reason())
                .isNotEqualTo(Reason.FRAME_TOO_LARGE);
    }

    @Test
    void honoursACustomByteLimit() {
        FrameDecoder strict = new FrameDecoder(1000);
        assertThatThrownBy(() -> strict.decode(valid640x480))
                .isInstanceOf(FrameRejectedException.class)
                .extracting(e -> ((FrameRejectedException) e).reason())
                .isEqualTo(Reason.FRAME_TOO_LARGE);
    }

    @Test
    void refusesAbsurdDeclaredDimensionsFromTheHeaderAlone() throws Exception {
        byte[] huge = withDeclaredSize(valid640x480, 60000, 60000);
        assertRejected(huge, Reason.BAD_DIMENSIONS);
        // The header check alone refuses it, without any pixel decoding ...
        assertThatThrownBy(() -> FrameDecoder.inspect(huge, FrameDecoder.Limits.LIVE))
                .isInstanceOf(FrameRejectedException.class)
                .extracting(e -> ((FrameRejectedException) e).reason())
                .isEqualTo(Reason.BAD_DIMENSIONS);
        // ... and the scan data is never read: garbage in it changes nothing.
        byte[] garbageScan = huge.clone();
        int sos = markerOffset(garbageScan, 0xDA);
        Arrays.fill(garbageScan, sos + 20, garbageScan.length - 2, (byte) 0x00);
        assertRejected(garbageScan, Reason.BAD_DIMENSIONS);
    }

    @Test
    void refusesFramesLargerThan640x480InEitherOrientation() {
        assertRejected(withDeclaredSize(valid640x480, 641, 480), Reason.BAD_DIMENSIONS);
        assertRejected(withDeclaredSize(valid640x480, 640, 481), Reason.BAD_DIMENSIONS);
        assertRejected(withDeclaredSize(valid640x480, 0, 0), Reason.BAD_DIMENSIONS);
        try (Mat wide = TestImages.uniform(800, 200, 50)) {
            assertRejected(TestImages.jpeg(wide, 80), Reason.BAD_DIMENSIONS);
        }
    }

    @Test
    void refusesTooSmallFrames() {
        try (Mat tiny = TestImages.uniform(32, 32, 200); Mat thin = TestImages.uniform(640, 40, 200)) {
            assertRejected(TestImages.jpeg(tiny, 90), Reason.BAD_DIMENSIONS);
            assertRejected(TestImages.jpeg(thin, 90), Reason.BAD_DIMENSIONS);
        }
    }

    @Test
    void headerThatDisagreesWithThePixelsNeverYieldsAnotherSize() {
        // Declares 320x240 but carries 640x480 worth of scan data.
        byte[] lying = withDeclaredSize(valid640x480, 320, 240);
        try {
            try (Mat image = decoder.decode(lying)) {
                assertThat(image.cols()).isEqualTo(320);
                assertThat(image.rows()).isEqualTo(240);
            }
        } catch (FrameRejectedException e) {
            assertThat(e.reason()).isEqualTo(Reason.NOT_JPEG);
        }
    }

    @Test
    void refusesJpegWithoutFrameHeader() {
        // SOI, a comment, EOI: looks like a JPEG, has no SOF.
        byte[] noSof = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xFE, 0, 4, 'h', 'i', (byte) 0xFF, (byte) 0xD9};
        assertRejected(noSof, Reason.NOT_JPEG);
    }

    @Test
    void refusesProgressiveJpegBeforeDecoding() {
        byte[] progressive;
        try (Mat frame = TestImages.decode(valid640x480); BytePointer out = new BytePointer();
                IntPointer params = new IntPointer(IMWRITE_JPEG_PROGRESSIVE, 1)) {
            assertThat(imencode(".jpg", frame, out, params)).isTrue();
            progressive = new byte[(int) out.limit()];
            out.get(progressive);
        }
        assertThat(markerOffset(progressive, 0xC2)).as("a real progressive file").isPositive();
        assertInspectRefuses(progressive, "progressive");
    }

    @Test
    void refusesEveryOtherFrameTypeBeforeDecoding() {
        // SOF1 extended, SOF3 lossless, SOF5-7 hierarchical, SOF9-11 and 13-15 arithmetic: the baseline file with only
        // its frame marker changed must be refused from the header alone.
        for (int sof : new int[] {0xC1, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF}) {
            byte[] other = valid640x480.clone();
            other[markerOffset(other, 0xC0) + 1] = (byte) sof;
            assertInspectRefuses(other, Integer.toHexString(sof));
        }
        byte[] arithmeticTables = insertSegment(valid640x480, markerOffset(valid640x480, 0xC0),
                new byte[] {(byte) 0xFF, (byte) 0xCC, 0, 4, 0, 1}); // DAC: arithmetic conditioning
        assertInspectRefuses(arithmeticTables, "cc");
    }

    @Test
    void refusesASecondScanAndDataAfterTheImage() {
        // The file's own scan header repeated before EOI: a multi-scan file.
        int sos = markerOffset(valid640x480, 0xDA);
        int sosLength = ((valid640x480[sos + 2] & 0xFF) << 8) | (valid640x480[sos + 3] & 0xFF);
        byte[] scanHeader = Arrays.copyOfRange(valid640x480, sos, sos + 2 + sosLength);
        byte[] twoScans = insertSegment(valid640x480, valid640x480.length - 2, concat(scanHeader, new byte[] {1, 2}));
        assertInspectRefuses(twoScans, "more than one scan");

        byte[] appended = concat(valid640x480, concat(new byte[] {1, 2, 3}, new byte[] {(byte) 0xFF, (byte) 0xD9}));
        assertInspectRefuses(appended, "after its end-of-image");
        assertThatCode(() -> FrameDecoder.inspect(concat(valid640x480, new byte[4]), FrameDecoder.Limits.LIVE))
                .as("zero padding after EOI is tolerated").doesNotThrowAnyException();
    }

    @Test
    void ignoresExifOrientation() throws Exception {
        // APP1 "Exif" with a little-endian TIFF header and one IFD entry: Orientation (0x0112) = 6, "rotate 90".
        byte[] exif = {(byte) 0xFF, (byte) 0xE1, 0, 34, 'E', 'x', 'i', 'f', 0, 0, 'I', 'I', 42, 0, 8, 0, 0, 0,
            1, 0, 0x12, 0x01, 3, 0, 1, 0, 0, 0, 6, 0, 0, 0, 0, 0, 0, 0};
        byte[] rotated = insertSegment(valid640x480, 2, exif);
        try (Mat image = decoder.decode(rotated)) {
            assertThat(image.cols()).as("as stored, not turned by the EXIF tag").isEqualTo(640);
            assertThat(image.rows()).isEqualTo(480);
        }
    }

    @Test
    void reencodingKeepsThePictureAndDropsTheClientsBytes() throws Exception {
        byte[] comment = {(byte) 0xFF, (byte) 0xFE, 0, 10, 's', 'e', 'c', 'r', 'e', 't', '!', '!'};
        byte[] withComment = insertSegment(valid640x480, 2, comment);
        byte[] clean = decoder.reencode(withComment);
        assertThat(clean).isNotEqualTo(withComment);
        assertThat(new String(clean, StandardCharsets.ISO_8859_1)).doesNotContain("secret");
        assertThat(FrameDecoder.inspect(clean, FrameDecoder.Limits.LIVE)).isEqualTo(new FrameDecoder.JpegHeader(640, 480));
        try (Mat before = decoder.decode(valid640x480); Mat after = decoder.decode(clean); Mat diff = new Mat()) {
            absdiff(before, after, diff);
            assertThat(mean(diff).get(0)).as("the same picture").isLessThan(4.0);
        }
        assertThatThrownBy(() -> decoder.reencode(new byte[] {1, 2, 3})).isInstanceOf(FrameRejectedException.class);
    }

    private static void assertInspectRefuses(byte[] data, String why) {
        assertThatThrownBy(() -> FrameDecoder.inspect(data, FrameDecoder.Limits.LIVE)).as(why)
                .isInstanceOf(FrameRejectedException.class)
                .extracting(e -> ((FrameRejectedException) e).reason())
                .isEqualTo(Reason.NOT_JPEG);
    }

    static byte[] insertSegment(byte[] jpeg, int at, byte[] segment) {
        byte[] out = new byte[jpeg.length + segment.length];
        System.arraycopy(jpeg, 0, out, 0, at);
        System.arraycopy(segment, 0, out, at, segment.length);
        System.arraycopy(jpeg, at, out, at + segment.length, jpeg.length - at);
        return out;
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private void assertRejected(byte[] data, Reason reason) {
        assertThatThrownBy(() -> decoder.decode(data))
                .isInstanceOf(FrameRejectedException.class)
                .extracting(e -> ((FrameRejectedException) e).reason())
                .isEqualTo(reason);
    }

    /** A copy of a baseline JPEG whose SOF0 header declares another size. */
    static byte[] withDeclaredSize(byte[] jpeg, int width, int height) {
        byte[] copy = jpeg.clone();
        int sof = markerOffset(copy, 0xC0);
        copy[sof + 5] = (byte) (height >> 8);
        copy[sof + 6] = (byte) height;
        copy[sof + 7] = (byte) (width >> 8);
        copy[sof + 8] = (byte) width;
        return copy;
    }

    /** Offset of the first marker {@code FF code} in the header segments (before the scan data). */
    static int markerOffset(byte[] jpeg, int code) {
        int i = 2;
        while (i + 3 < jpeg.length) {
            int marker = jpeg[i + 1] & 0xFF;
            if (marker == code) {
                return i;
            }
            if (marker == 0xDA) {
                break;
            }
            i += 2 + (((jpeg[i + 2] & 0xFF) << 8) | (jpeg[i + 3] & 0xFF));
        }
        throw new IllegalStateException("marker FF" + Integer.toHexString(code) + " not found");
    }
}
