package dev.livecheck.core.testkit;

import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2YUV_I420;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;

import dev.livecheck.core.attempt.Challenge;
import dev.livecheck.core.recording.RecordedFrame;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Writes frames as a YUV4MPEG2 file for Chrome's fake camera
 * ({@code --use-file-for-fake-video-capture=x.y4m}): the header
 * {@code YUV4MPEG2 W640 H480 F15:1 Ip A1:1 C420jpeg}, then for every frame
 * {@code FRAME\n} and the I420 planes (Y, then U and V at half resolution).
 * Chrome plays the file at the header's constant rate, in a loop.
 *
 * <pre>
 * Y4mWriter --species BONA_FIDE --challenges TURN_LEFT,LOOK_UP --out x.y4m [--seed N] [--fps 15] [--lead-in-ms 3500]
 * </pre>
 *
 * <p>Chrome loops the file from the moment the page opens the camera, not from the moment the user presses Start, so
 * a browser test wants a long frontal lead-in (see {@link SyntheticCamera.Options#leadInMs()}).
 */
public final class Y4mWriter implements AutoCloseable {

    private final OutputStream out;
    private final int width;
    private final int height;
    private final Mat yuv = new Mat();
    private final byte[] plane;
    private long frames;

    public Y4mWriter(OutputStream out, int width, int height, int fps) throws IOException {
        if (width % 2 != 0 || height % 2 != 0) {
            throw new IllegalArgumentException("I420 needs even dimensions, got " + width + "x" + height);
        }
        this.out = out;
        this.width = width;
        this.height = height;
        this.plane = new byte[width * height * 3 / 2];
        out.write(header(width, height, fps).getBytes(StandardCharsets.US_ASCII));
    }

    public static String header(int width, int height, int fps) {
        return String.format(Locale.ROOT, "YUV4MPEG2 W%d H%d F%d:1 Ip A1:1 C420jpeg\n", width, height, fps);
    }

    /** Bytes per frame including the {@code FRAME\n} marker. */
    public static long frameBytes(int width, int height) {
        return 6L + (long) width * height * 3 / 2;
    }

    /** Appends one BGR frame of the writer's size. */
    public void write(Mat bgr) throws IOException {
        if (bgr.cols() != width || bgr.rows() != height || bgr.channels() != 3) {
            throw new IllegalArgumentException("frame must be " + width + "x" + height + " BGR");
        }
        cvtColor(bgr, yuv, COLOR_BGR2YUV_I420);
        yuv.data().get(plane, 0, plane.length);
        out.write("FRAME\n".getBytes(StandardCharsets.US_ASCII));
        out.write(plane);
        frames++;
    }

    public long frames() {
        return frames;
    }

    @Override
    public void close() throws IOException {
        yuv.close();
        out.flush();
    }

    /**
     * Renders a species performing {@code challenges} at a constant frame
     * rate (no jitter) and writes it as y4m. Returns the number of frames.
     */
    public static long render(Path file, Species species, List<Challenge> challenges, long seed, int fps)
            throws IOException {
        return render(file, species, challenges, seed, fps, 0);
    }

    /** The same with a frontal lead-in of {@code leadInMs} (0: the usual one). */
    public static long render(Path file, Species species, List<Challenge> challenges, long seed, int fps,
            long leadInMs) throws IOException {
        SyntheticRecording r = SyntheticCamera.render(species, challenges, seed,
                new SyntheticCamera.Options(fps, false, leadInMs));
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20);
                Y4mWriter writer = new Y4mWriter(os, HeadRenderer.WIDTH, HeadRenderer.HEIGHT, fps)) {
            // frames are already on the constant grid k * 1000 / fps; write each once, in order
            for (RecordedFrame f : r.recording().frames()) {
                try (Mat bgr = SyntheticCamera.decode(f.jpeg())) {
                    writer.write(bgr);
                }
            }
            return writer.frames();
        }
    }

    public static void main(String[] args) throws IOException {
        Species species = Species.BONA_FIDE;
        List<Challenge> challenges = null;
        Path out = null;
        long seed = 1;
        int fps = 15;
        long leadInMs = 0;
        try {
            for (int i = 0; i < args.length; i += 2) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(args[i] + " needs a value");
                }
                String v = args[i + 1];
                switch (args[i]) {
                    case "--species" -> species = Species.valueOf(v.toUpperCase(Locale.ROOT));
                    case "--challenges" -> challenges = ChallengeLists.parse(v);
                    case "--out" -> out = Path.of(v);
                    case "--seed" -> seed = Long.parseLong(v);
                    case "--fps" -> fps = Integer.parseInt(v);
                    case "--lead-in-ms" -> leadInMs = Long.parseLong(v);
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            if (out == null || challenges == null || challenges.isEmpty()) {
                throw new IllegalArgumentException("--out and --challenges are required");
            }
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println("usage: Y4mWriter --species BONA_FIDE --challenges TURN_LEFT,LOOK_UP --out x.y4m "
                    + "[--seed N] [--fps 15] [--lead-in-ms 0]");
            System.exit(2);
            return;
        }
        long n = render(out, species, challenges, seed, fps, leadInMs);
        System.out.printf(Locale.ROOT, "wrote %d frames (%.1f s at %d fps) to %s%n", n, n / (double) fps, fps, out);
    }
}
