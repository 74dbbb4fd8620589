package dev.livecheck.core.vision;

import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_IGNORE_ORIENTATION;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMWRITE_JPEG_QUALITY;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imencode;

import dev.livecheck.core.vision.FrameRejectedException.Reason;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
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

    /** Inspects (under this decoder's limits) and decodes a frame; the caller owns (and should close) the Mat. */
    public Mat decode(byte[] jpeg) throws FrameRejectedException {
        return decodeChecked(jpeg, inspect(jpeg, limits));
    }

    /**
     * Decodes a frame that was inspected already (a live frame, on the socket's thread): its header is not read
     * again. The caller owns (and should close) the returned Mat.
     */
    public static Mat decode(InspectedFrame frame) throws FrameRejectedException {
        return decodeChecked(frame.jpeg(), frame.header());
    }

    private static Mat decodeChecked(byte[] jpeg, JpegHeader header) throws FrameRejectedException {
        Mat image;
        try (BytePointer bytes = new BytePointer(jpeg);
                Mat buf = new Mat(1, jpeg.length, org.bytedeco.opencv.global.opencv_core.CV_8UC1, bytes)) {
            // EXIF orientation is ignored: the header's width and height are what the engine analyses and keeps.
            image = imdecode(buf, IMREAD_COLOR | IMREAD_IGNORE_ORIENTATION);
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

    /** The quality of {@link #reencode}: what the capture page's encoder uses (0.8) plus headroom for a second pass. */
    public static final int REENCODE_QUALITY = 90;

    /**
     * The frame decoded and encoded again by the server: the same picture, none of the client's bytes (no metadata,
     * no comments, no trailing data, no crafted entropy data reaches whoever downloads it later).
     */
    public byte[] reencode(byte[] jpeg) throws FrameRejectedException {
        try (Mat image = decode(jpeg); BytePointer out = new BytePointer();
                IntPointer params = new IntPointer(IMWRITE_JPEG_QUALITY, REENCODE_QUALITY)) {
            if (!imencode(".jpg", image, out, params)) {
                throw new IllegalStateException("OpenCV could not encode a decoded frame as JPEG");
            }
            byte[] bytes = new byte[(int) out.limit()];
            out.get(bytes);
            return bytes;
        }
    }

    /** Width and height from a JPEG's start-of-frame marker. */
    public record JpegHeader(int width, int height) {
    }

    /**
     * The one inspection of a live frame: {@link #inspect(byte[], Limits)}, with the result kept for decoding
     * ({@link #decode(InspectedFrame)}).
     */
    public static InspectedFrame inspectFrame(byte[] data, Limits limits) throws FrameRejectedException {
        return new InspectedFrame(data, inspect(data, limits));
    }

    /**
     * Checks size, magic number, end marker and declared dimensions under {@code limits} without decoding any pixel
     * data.
     */
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

    /**
     * Walks the markers up to the scan and through its entropy-coded data. Only what a browser's canvas encoder writes
     * is accepted: baseline DCT (SOF0, 8-bit, 1 or 3 components), one interleaved scan, then EOI. Progressive,
     * extended, arithmetic, lossless, hierarchical and multi-scan files are refused here, before any decoder sees
     * them: they exercise rarely used decoder paths (a classic home of codec bugs) and no capture page sends them.
     */
    private static JpegHeader readSof(byte[] d) throws FrameRejectedException {
        int i = 2;
        JpegHeader header = null;
        int components = 0;
        while (i + 3 < d.length) {
            if ((d[i] & 0xFF) != 0xFF) {
                throw notJpeg("malformed JPEG marker at byte " + i);
            }
            int marker = d[i + 1] & 0xFF;
            if (marker == 0xFF) {
                i++;
                continue;
            }
            int length = ((d[i + 2] & 0xFF) << 8) | (d[i + 3] & 0xFF);
            if (length < 2 || i + 2 + length > d.length) {
                throw notJpeg("JPEG segment 0x" + Integer.toHexString(marker) + " at byte " + i + " is truncated");
            }
            if (marker == SOF0) {
                if (header != null) {
                    throw notJpeg("JPEG has two frame headers");
                }
                if (length < 8) {
                    throw notJpeg("JPEG frame header is truncated");
                }
                int precision = d[i + 4] & 0xFF;
                int height = ((d[i + 5] & 0xFF) << 8) | (d[i + 6] & 0xFF);
                int width = ((d[i + 7] & 0xFF) << 8) | (d[i + 8] & 0xFF);
                components = d[i + 9] & 0xFF;
                if (precision != 8 || (components != 1 && components != 3) || length != 8 + 3 * components) {
                    throw notJpeg("JPEG frame header is not baseline 8-bit greyscale or colour");
                }
                header = new JpegHeader(width, height);
            } else if (marker == SOS) {
                if (header == null) {
                    break;
                }
                int inScan = d[i + 4] & 0xFF;
                if (length != 6 + 2 * inScan || inScan != components) {
                    throw notJpeg("JPEG scan does not cover every component at once (multi-scan)");
                }
                int spectral = i + 5 + 2 * inScan;
                if ((d[spectral] & 0xFF) != 0 || (d[spectral + 1] & 0xFF) != 63 || (d[spectral + 2] & 0xFF) != 0) {
                    throw notJpeg("JPEG scan is not sequential baseline");
                }
                requireSingleScan(d, i + 2 + length);
                return header;
            } else if (!allowedBeforeScan(marker)) {
                throw notJpeg(describe(marker));
            }
            i += 2 + length;
        }
        throw notJpeg(header == null ? "JPEG has no baseline frame header (SOF0 marker)" : "JPEG has no scan");
    }

    private static final int SOF0 = 0xC0;
    private static final int SOS = 0xDA;

    /** Tables, restart interval, application data and comments; everything else before the scan is refused. */
    private static boolean allowedBeforeScan(int marker) {
        return marker == 0xC4 || marker == 0xDB || marker == 0xDD || marker == 0xFE
                || (marker >= 0xE0 && marker <= 0xEF);
    }

    private static String describe(int marker) {
        if (marker >= 0xC1 && marker <= 0xCF) {
            return "not a baseline JPEG (SOF 0x" + Integer.toHexString(marker)
                    + ": extended, progressive, lossless, hierarchical or arithmetic coding)";
        }
        return "JPEG marker 0x" + Integer.toHexString(marker) + " is not allowed before the scan";
    }

    /**
     * The entropy-coded data of the one scan: a 0xFF byte in it is followed by 0x00 (a stuffed byte), a restart
     * marker or fill; the first other marker must be the end of the image. A second scan (or a DNL, tables between
     * scans) is refused.
     */
    private static void requireSingleScan(byte[] d, int from) throws FrameRejectedException {
        for (int i = from; i + 1 < d.length; i++) {
            if ((d[i] & 0xFF) != 0xFF) {
                continue;
            }
            int next = d[i + 1] & 0xFF;
            if (next == 0x00 || next == 0xFF || (next >= 0xD0 && next <= 0xD7)) {
                continue;
            }
            if (next == 0xD9) {
                for (int rest = i + 2; rest < d.length; rest++) {
                    if (d[rest] != 0) {
                        throw notJpeg("JPEG has data after its end-of-image marker");
                    }
                }
                return;
            }
            throw notJpeg("JPEG has more than one scan (marker 0x" + Integer.toHexString(next) + " after the scan)");
        }
        throw new FrameRejectedException(Reason.FRAME_TRUNCATED, "JPEG data is truncated (no end-of-image marker)");
    }

    private static FrameRejectedException notJpeg(String message) {
        return new FrameRejectedException(Reason.NOT_JPEG, message);
    }
}
