package dev.livecheck.core.vision;

import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;

import dev.livecheck.core.vision.FrameRejectedException.Reason;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Turns untrusted bytes into a BGR image, or refuses them with a reason. The
 * JPEG header is read before anything is decoded, so a 100000x100000 "frame"
 * costs nothing: libjpeg is only asked to decode frames whose declared size is
 * within limits and whose data ends with an end-of-image marker.
 */
public final class FrameDecoder {

    /** The capture protocol's limits: 256 KiB and 640x480 (either orientation). */
    public static final int DEFAULT_MAX_BYTES = 262_144;
    public static final int MAX_LONG_SIDE = 640;
    public static final int MAX_SHORT_SIDE = 480;
    private static final int MIN_SIDE = 64;

    /**
     * Size limits. {@link #LIVE} is the capture protocol's; {@link #RECORDING}
     * accepts the larger frames other capture tools write (they are scaled
     * down before analysis, see {@link FrameAnalyzer}).
     */
    public record Limits(int maxBytes, int maxLongSide, int maxShortSide) {
        public static final Limits LIVE = new Limits(DEFAULT_MAX_BYTES, MAX_LONG_SIDE, MAX_SHORT_SIDE);
        public static final Limits RECORDING = new Limits(4 * 1024 * 1024, 1920, 1080);
    }

    private final Limits limits;

    public FrameDecoder() {
        this(Limits.LIVE);
    }

    public FrameDecoder(int maxBytes) {
        this(new Limits(maxBytes, MAX_LONG_SIDE, MAX_SHORT_SIDE));
    }

    public FrameDecoder(Limits limits) {
        this.limits = limits;
    }

    /** Decodes a frame; the caller owns (and should close) the returned Mat. */
    public Mat decode(byte[] jpeg) throws FrameRejectedException {
        JpegHeader header = inspect(jpeg, limits);
        Mat image;
        try (BytePointer bytes = new BytePointer(jpeg);
                Mat buf = new Mat(1, jpeg.length, org.bytedeco.opencv.global.opencv_core.CV_8UC1, bytes)) {
            image = imdecode(buf, IMREAD_COLOR);
        }
        if (image == null || image.empty()) {
            throw new FrameRejectedException(Reason.NOT_JPEG, "the JPEG data could not be decoded");
        }
        if (image.cols() != header.width() || image.rows() != header.height()) {
            image.close();
            throw new FrameRejectedException(Reason.NOT_JPEG, "decoded size differs from the JPEG header");
        }
        return image;
    }

    /** Width and height from a JPEG's start-of-frame marker. */
    public record JpegHeader(int width, int height) {
    }

    /**
     * Checks size, magic number, end marker and declared dimensions without
     * decoding any pixel data.
     */
    public static JpegHeader inspect(byte[] data, int maxBytes) throws FrameRejectedException {
        return inspect(data, new Limits(maxBytes, MAX_LONG_SIDE, MAX_SHORT_SIDE));
    }

    public static JpegHeader inspect(byte[] data, Limits limits) throws FrameRejectedException {
        int maxBytes = limits.maxBytes();
        if (data == null || data.length == 0) {
            throw new FrameRejectedException(Reason.NOT_JPEG, "empty frame");
        }
        if (data.length > maxBytes) {
            throw new FrameRejectedException(Reason.FRAME_TOO_LARGE,
                    "frame is " + data.length + " bytes, the limit is " + maxBytes);
        }
        if (data.length < 4 || (data[0] & 0xFF) != 0xFF || (data[1] & 0xFF) != 0xD8 || (data[2] & 0xFF) != 0xFF) {
            throw new FrameRejectedException(Reason.NOT_JPEG, "frame is not a JPEG (no SOI marker)");
        }
        if (!endsWithEoi(data)) {
            throw new FrameRejectedException(Reason.FRAME_TRUNCATED, "JPEG data is truncated (no end-of-image marker)");
        }
        JpegHeader header = readSof(data);
        int longSide = Math.max(header.width(), header.height());
        int shortSide = Math.min(header.width(), header.height());
        if (longSide > limits.maxLongSide() || shortSide > limits.maxShortSide() || shortSide < MIN_SIDE) {
            throw new FrameRejectedException(Reason.BAD_DIMENSIONS, "frame is " + header.width() + "x" + header.height()
                    + ", allowed is " + MIN_SIDE + " to " + limits.maxLongSide() + "x" + limits.maxShortSide());
        }
        return header;
    }

    private static boolean endsWithEoi(byte[] d) {
        // Some encoders pad after EOI; accept a few trailing zero bytes.
        int end = d.length;
        while (end > 2 && d[end - 1] == 0 && d.length - end < 16) {
            end--;
        }
        return end >= 2 && (d[end - 2] & 0xFF) == 0xFF && (d[end - 1] & 0xFF) == 0xD9;
    }

    private static JpegHeader readSof(byte[] d) throws FrameRejectedException {
        int i = 2;
        while (i + 3 < d.length) {
            if ((d[i] & 0xFF) != 0xFF) {
                throw new FrameRejectedException(Reason.NOT_JPEG, "malformed JPEG marker at byte " + i);
            }
            int marker = d[i + 1] & 0xFF;
            if (marker == 0xFF) {
                i++;
                continue;
            }
            int length = ((d[i + 2] & 0xFF) << 8) | (d[i + 3] & 0xFF);
            boolean sof = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
            if (sof) {
                if (i + 8 >= d.length) {
                    break;
                }
                int height = ((d[i + 5] & 0xFF) << 8) | (d[i + 6] & 0xFF);
                int width = ((d[i + 7] & 0xFF) << 8) | (d[i + 8] & 0xFF);
                return new JpegHeader(width, height);
            }
            if (marker == 0xDA || length < 2) {
                break;
            }
            i += 2 + length;
        }
        throw new FrameRejectedException(Reason.NOT_JPEG, "JPEG has no frame header (SOF marker)");
    }
}
