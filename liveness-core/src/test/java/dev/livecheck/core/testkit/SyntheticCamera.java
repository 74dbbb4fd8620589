package dev.livecheck.core.testkit;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;
import static org.bytedeco.opencv.global.opencv_imgproc.LINE_AA;
import static org.bytedeco.opencv.global.opencv_imgproc.ellipse;

import dev.livecheck.core.attempt.Challenge;
import dev.livecheck.core.recording.RecordedFrame;
import dev.livecheck.core.recording.Recording;
import dev.livecheck.core.testkit.MotionScript.Pose;
import dev.livecheck.core.testkit.MotionScript.Style;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Renders one synthetic liveness recording of a given species, in memory,
 * fully determined by its seed: same species, challenges and seed give the
 * same JPEG bytes. Thread-safe (every call owns its renderer); face models come
 * from {@link FaceLibrary#shared()}.
 */
public final class SyntheticCamera {

    private static final int W = HeadRenderer.WIDTH;
    private static final int H = HeadRenderer.HEIGHT;

    /**
     * Rendering options.
     *
     * @param fps nominal frame rate, or 0 to draw one in 10..30 from the seed
     * @param jitter vary frame intervals (and drop the odd frame) like a real capture
     * @param leadInMs how long a performer (head or moved print) stays frontal before the first challenge; 0 for the
     *     usual 0.8-1.2 s. A browser's looping fake camera needs a long one: the attempt must lock on the frontal face
     *     before the first move, whenever the user presses Start.
     */
    public record Options(double fps, boolean jitter, long leadInMs) {
        public static final Options DEFAULT = new Options(0, true);

        public Options(double fps, boolean jitter) {
            this(fps, jitter, 0);
        }
    }

    private SyntheticCamera() {
    }

    public static SyntheticRecording render(Species species, List<Challenge> listed, long seed) {
        return render(species, listed, seed, Options.DEFAULT);
    }

    /** Renders a recording named {@code <species>-seed}; the name is only a label. */
    public static SyntheticRecording render(Species species, List<Challenge> listed, long seed, Options options) {
        return render(species, listed, seed, options, species.folderPrefix() + "-" + Long.toHexString(seed));
    }

    static SyntheticRecording render(Species species, List<Challenge> listed, long seed, Options options, String name) {
        if (listed.isEmpty()) {
            throw new IllegalArgumentException("at least one challenge must be listed");
        }
        Cast cast = Cast.draw(species, seed);
        Random rnd = cast.rnd();
        FaceModel3D faceA = cast.face();
        FaceModel3D faceB = cast.other();
        double fps = options.fps() > 0 ? options.fps() : MotionScript.uniform(rnd, 10, 30);
        try (Studio studio = new Studio(rnd, fps, options.jitter(), options.leadInMs())) {
            return switch (species) {
                case BONA_FIDE -> studio.bonaFide(species, listed, listed, faceA, null, null, name);
                case REPLAY_MISMATCHED -> studio.bonaFide(species, listed, mismatched(listed, rnd), faceA, null, null,
                        name);
                case SPLICE -> {
                    if (faceB == faceA) {
                        throw new IllegalStateException("SPLICE needs at least two face photos in faces/index.txt");
                    }
                    yield studio.bonaFide(species, listed, listed, faceA, faceB, null, name);
                }
                case TWO_FACES -> studio.bonaFide(species, listed, listed, faceA, null, faceB, name);
                case PRINT_STATIC -> studio.print(species, listed, false, faceA, name);
                case PRINT_MOVED -> studio.print(species, listed, true, faceA, name);
                case SCREEN_REPLAY -> studio.screen(listed, faceA, seed, name);
                case NO_FACE -> studio.noFace(listed, name);
            };
        }
    }

    /**
     * The first draws of every recording, from its species and seed: the random stream everything after draws from,
     * the main face and another one (for SPLICE and TWO_FACES; drawn for every species so the stream stays the same).
     */
    record Cast(Random rnd, FaceModel3D face, FaceModel3D other) {
        static Cast draw(Species species, long seed) {
            Random rnd = new Random(seed ^ (0x9E3779B97F4A7C15L * (species.ordinal() + 1)));
            List<FaceModel3D> library = FaceLibrary.shared().faces();
            FaceModel3D face = library.get(rnd.nextInt(library.size()));
            return new Cast(rnd, face, SyntheticCamera.other(library, face, rnd));
        }
    }

    private static FaceModel3D other(List<FaceModel3D> library, FaceModel3D a, Random rnd) {
        if (library.size() < 2) {
            return a;
        }
        FaceModel3D b;
        do {
            b = library.get(rnd.nextInt(library.size()));
        } while (b == a);
        return b;
    }

    /** A different challenge order of the same length whose first challenge differs from the listed one. */
    static List<Challenge> mismatched(List<Challenge> listed, Random rnd) {
        while (true) {
            List<Challenge> c = ChallengeLists.draw(rnd, listed.size());
            if (c.get(0) != listed.get(0)) {
                return c;
            }
        }
    }

    /**
     * Per-recording rendering state: the scene (background, camera shake, camera settings) and the canvas. Not
     * thread-safe. {@link LivePerformer} films with one too, a frame at a time.
     */
    static final class Studio implements AutoCloseable {
        final Random rnd;
        final double fps;
        final boolean jitter;
        final HeadRenderer renderer = new HeadRenderer();
        final CameraEffects effects = new CameraEffects();
        final CameraEffects.Params camera;
        final byte[] background;
        final byte[] canvas = new byte[W * H * 3];
        final double[] shake; // camera shake phases and amplitudes
        final long leadInMs;

        Studio(Random rnd, double fps, boolean jitter, long leadInMs) {
            this.rnd = rnd;
            this.leadInMs = leadInMs;
            this.fps = fps;
            this.jitter = jitter;
            this.camera = CameraEffects.Params.random(rnd);
            this.background = Backgrounds.create(rnd);
            this.shake = new double[] {MotionScript.uniform(rnd, 0, 4), MotionScript.uniform(rnd, 0.2, 0.8),
                MotionScript.uniform(rnd, 0, 7), MotionScript.uniform(rnd, 0, 3), MotionScript.uniform(rnd, 0.2, 0.8),
                MotionScript.uniform(rnd, 0, 7)};
        }

        /** Paints the background window for time t into the canvas. */
        void backdrop(long t) {
            double s = t / 1000.0;
            int ox = (int) Math.round(shake[0] * Math.sin(2 * Math.PI * shake[1] * s + shake[2]));
            int oy = (int) Math.round(shake[3] * Math.sin(2 * Math.PI * shake[4] * s + shake[5]));
            Backgrounds.window(background, ox, oy, canvas);
        }

        interface Painter {
            void paint(long t);
        }

        List<RecordedFrame> film(long[] times, Painter painter) {
            List<RecordedFrame> frames = new ArrayList<>(times.length);
            for (int i = 0; i < times.length; i++) {
                frames.add(new RecordedFrame(String.format("frames/%06d.jpg", i), times[i], shoot(times[i], painter)));
            }
            return frames;
        }

        /** One frame at {@code t}: the background, what the painter draws over it, then the camera's JPEG. */
        byte[] shoot(long t, Painter painter) {
            backdrop(t);
            painter.paint(t);
            return effects.capture(canvas, camera, rnd);
        }

        /** Where a lone performer's face is centred horizontally. */
        double centreX() {
            return W / 2.0 + MotionScript.uniform(rnd, -40, 40);
        }

        /**
         * The performer of a BONA_FIDE recording, alone in the scene: face width 150-260 px (at most 200 when
         * {@code mayPerform} includes MOVE_CLOSER, so the closer face still fits), centred at {@code cx}, its own
         * lighting.
         */
        Performer alone(FaceModel3D face, List<Challenge> mayPerform, double cx) {
            return performer(face, mayPerform, 150, 260, cx);
        }

        Performer performer(FaceModel3D face, List<Challenge> performed, double minFw, double maxFw, double cx) {
            double max = performed.contains(Challenge.MOVE_CLOSER) ? Math.min(maxFw, 200) : maxFw;
            double fw = MotionScript.uniform(rnd, minFw, Math.max(minFw, max));
            double cy = MotionScript.uniform(rnd, 215, 255);
            HeadRenderer.Shading light = new HeadRenderer.Shading(MotionScript.uniform(rnd, 0.9, 1.08),
                    MotionScript.uniform(rnd, 0.92, 1.06), MotionScript.uniform(rnd, 0.92, 1.1),
                    MotionScript.uniform(rnd, -0.25, 0.25), 1);
            return new Performer(face, fw, cx, cy, light);
        }

        SyntheticRecording bonaFide(Species species, List<Challenge> listed, List<Challenge> performed,
                FaceModel3D face, FaceModel3D spliceTo, FaceModel3D second, String name) {
            MotionScript script = MotionScript.perform(performed, Style.HEAD, rnd, leadInMs);
            long[] times = script.frameTimes(fps, jitter, rnd);
            double cx = centreX();
            Performer main;
            Performer extra = null;
            MotionScript extraScript = null;
            if (second != null) {
                double side = rnd.nextBoolean() ? 1 : -1;
                main = performer(face, performed, 150, 180, W / 2.0 + side * MotionScript.uniform(rnd, 75, 100));
                extra = performer(second, List.of(), 100, 125, W / 2.0 - side * MotionScript.uniform(rnd, 170, 195));
                extraScript = MotionScript.still(script.duration(), Style.HEAD, rnd);
            } else {
                main = alone(face, performed, cx);
            }
            long switchAt = Long.MAX_VALUE;
            if (spliceTo != null) {
                List<MotionScript.Segment> segs = script.segments();
                boolean afterFirst = performed.size() >= 2 && rnd.nextBoolean();
                if (afterFirst) {
                    switchAt = segs.stream().filter(s -> s.phase() == MotionScript.Phase.REST).findFirst()
                            .orElseThrow().end();
                } else {
                    switchAt = (long) (script.duration() * MotionScript.uniform(rnd, 0.3, 0.7));
                }
            }
            Performer spliced = spliceTo == null ? null : main.withFace(spliceTo);
            Performer extraFinal = extra;
            MotionScript extraFinalScript = extraScript;
            long switchFinal = switchAt;
            List<RecordedFrame> frames = film(times, t -> {
                if (extraFinal != null) {
                    extraFinal.draw(renderer, canvas, extraFinalScript.at(t));
                }
                (t >= switchFinal ? spliced : main).draw(renderer, canvas, script.at(t));
            });
            String faces = face.name() + (spliceTo != null ? ">" + spliceTo.name() : "")
                    + (second != null ? "+" + second.name() : "");
            return new SyntheticRecording(species, new Recording(name, listed, frames), performed, faces, script, fps);
        }

        SyntheticRecording print(Species species, List<Challenge> listed, boolean moved, FaceModel3D face,
                String name) {
            PrintSheet sheet = PrintSheet.of(face, rnd);
            MotionScript timing = MotionScript.perform(listed, moved ? Style.FLAT_PRINT : Style.HEAD, rnd, leadInMs);
            MotionScript script = moved ? timing : MotionScript.still(timing.duration(), Style.FLAT_PRINT, rnd);
            long[] times = script.frameTimes(fps, jitter, rnd);
            double fw = MotionScript.uniform(rnd, 150, listed.contains(Challenge.MOVE_CLOSER) && moved ? 200 : 260);
            double cx = W / 2.0 + MotionScript.uniform(rnd, -40, 40);
            double cy = MotionScript.uniform(rnd, 215, 255);
            HeadRenderer.Shading light = new HeadRenderer.Shading(MotionScript.uniform(rnd, 0.92, 1.05),
                    MotionScript.uniform(rnd, 0.95, 1.05), MotionScript.uniform(rnd, 0.95, 1.08),
                    MotionScript.uniform(rnd, -0.2, 0.2), 1);
            List<RecordedFrame> frames = film(times, t -> {
                Pose p = script.at(t);
                renderer.draw(canvas, sheet.mesh(), sheet.pose(p.yaw(), p.pitch(), p.roll(), fw * p.scale(),
                        cx + p.dx() * fw, cy + p.dy() * fw), light);
            });
            return new SyntheticRecording(species, new Recording(name, listed, frames),
                    moved ? listed : List.of(), face.name(), script, fps);
        }

        SyntheticRecording screen(List<Challenge> listed, FaceModel3D face, long seed, String name) {
            // the replayed video: a bona fide capture of the same challenge order, with its own camera
            SyntheticRecording inner = SyntheticCamera.render(Species.BONA_FIDE, listed, seed * 31 + 7,
                    new Options(MotionScript.uniform(rnd, 15, 30), true), name + "-inner");
            List<RecordedFrame> source = inner.recording().frames();
            try (ScreenDisplay display = new ScreenDisplay(rnd)) {
                long[] times = MotionScript.still(inner.script().duration(), Style.FLAT_PRINT, rnd)
                        .frameTimes(fps, jitter, rnd);
                // a stripe panel must be close to fill the view; a dense one is held further away
                double pictureWidth = W * (display.kind == ScreenDisplay.Kind.STRIPES
                        ? MotionScript.uniform(rnd, 0.78, 0.98) : MotionScript.uniform(rnd, 0.6, 0.95));
                double cx = W / 2.0 + MotionScript.uniform(rnd, -20, 20);
                double cy = H / 2.0 + MotionScript.uniform(rnd, -15, 15);
                double tiltYaw = MotionScript.uniform(rnd, -10, 10);
                double tiltPitch = MotionScript.uniform(rnd, -8, 8);
                HandShake hand = rnd.nextBoolean() ? HandShake.draw(rnd) : HandShake.MOUNTED;
                int[] shown = {-1};
                List<RecordedFrame> frames = film(times, t -> {
                    int k = shown[0] < 0 ? 0 : shown[0];
                    while (k + 1 < source.size() && source.get(k + 1).t() <= t) {
                        k++;
                    }
                    if (k != shown[0]) {
                        try (Mat content = decode(source.get(k).jpeg())) {
                            display.show(content);
                        }
                        shown[0] = k;
                    }
                    double[] s = hand.at(t);
                    // the whole display (picture, glare and bezel) moves as one rigid plane
                    renderer.draw(canvas, display.mesh(), display.pose(tiltYaw + s[2], tiltPitch + s[3], s[4],
                            pictureWidth, cx + s[0], cy + s[1]), HeadRenderer.Shading.NEUTRAL);
                });
                return new SyntheticRecording(Species.SCREEN_REPLAY, new Recording(name, listed, frames), listed,
                        inner.faces(), inner.script(), fps);
            }
        }

        SyntheticRecording noFace(List<Challenge> listed, String name) {
            MotionScript timing = MotionScript.perform(listed, Style.HEAD, rnd);
            MotionScript script = MotionScript.still(timing.duration(), Style.HEAD, rnd);
            long[] times = script.frameTimes(fps, jitter, rnd);
            int kind = rnd.nextInt(3); // 0 empty scene, 1 a hand, 2 the back of a head
            double cx = W / 2.0 + MotionScript.uniform(rnd, -60, 60);
            double cy = MotionScript.uniform(rnd, 200, 280);
            double size = MotionScript.uniform(rnd, 150, 230);
            Scalar skin = new Scalar(MotionScript.uniform(rnd, 90, 150), MotionScript.uniform(rnd, 120, 170),
                    MotionScript.uniform(rnd, 170, 225), 0);
            Scalar hair = new Scalar(MotionScript.uniform(rnd, 15, 60), MotionScript.uniform(rnd, 20, 70),
                    MotionScript.uniform(rnd, 25, 90), 0);
            Scalar cloth = new Scalar(rnd.nextInt(200), rnd.nextInt(200), rnd.nextInt(200), 0);
            try (BytePointer ptr = new BytePointer((long) W * H * 3); Mat view = new Mat(H, W, CV_8UC3, ptr)) {
                List<RecordedFrame> frames = film(times, t -> {
                    if (kind == 0) {
                        return;
                    }
                    Pose p = script.at(t);
                    int x = (int) Math.round(cx + p.dx() * size * 1.5);
                    int y = (int) Math.round(cy + p.dy() * size * 1.5);
                    ptr.position(0).put(canvas, 0, canvas.length);
                    if (kind == 1) {
                        int s = (int) size;
                        ellipse(view, new Point(x, y + s / 3), new Size(s * 2 / 5, s / 2), p.roll() * 3, 0, 360, skin,
                                -1, LINE_AA, 0);
                        for (int f = 0; f < 4; f++) {
                            ellipse(view, new Point(x - s / 4 + f * s / 6, y - s / 4), new Size(s / 14, s / 4),
                                    (f - 1.5) * 8 + p.roll() * 3, 0, 360, skin, -1, LINE_AA, 0);
                        }
                    } else {
                        int s = (int) size;
                        ellipse(view, new Point(x, y + s), new Size(s * 6 / 5, s * 2 / 3), 0, 180, 360, cloth, -1,
                                LINE_AA, 0);
                        ellipse(view, new Point(x, y), new Size(s * 11 / 20, s * 7 / 10), p.roll(), 0, 360, hair, -1,
                                LINE_AA, 0);
                    }
                    ptr.position(0).get(canvas, 0, canvas.length);
                });
                return new SyntheticRecording(Species.NO_FACE, new Recording(name, listed, frames), List.of(), "",
                        script, fps);
            }
        }

        @Override
        public void close() {
            renderer.close();
            effects.close();
        }
    }

    /**
     * How a hand holding a screen moves it: a slow drift plus a physiological tremor (a few hertz), in
     * pixels (x, y) and degrees (yaw, pitch, roll); a mounted screen does not move at all.
     */
    record HandShake(double[] amp, double[] freq, double[] phase) {
        static final HandShake MOUNTED = new HandShake(new double[10], new double[10], new double[10]);

        static HandShake draw(Random rnd) {
            double[] amp = new double[10];
            double[] freq = new double[10];
            double[] phase = new double[10];
            double[] drift = {MotionScript.uniform(rnd, 2, 10), MotionScript.uniform(rnd, 2, 8),
                MotionScript.uniform(rnd, 0.5, 3), MotionScript.uniform(rnd, 0.5, 3), MotionScript.uniform(rnd, 0.3, 2)};
            double[] tremor = {MotionScript.uniform(rnd, 0.4, 2.5), MotionScript.uniform(rnd, 0.4, 2.5),
                MotionScript.uniform(rnd, 0.1, 0.5), MotionScript.uniform(rnd, 0.1, 0.5), MotionScript.uniform(rnd, 0.05, 0.3)};
            for (int i = 0; i < 5; i++) {
                amp[i] = drift[i];
                freq[i] = MotionScript.uniform(rnd, 0.15, 0.6);
                phase[i] = MotionScript.uniform(rnd, 0, 2 * Math.PI);
                amp[5 + i] = tremor[i];
                freq[5 + i] = MotionScript.uniform(rnd, 2, 7);
                phase[5 + i] = MotionScript.uniform(rnd, 0, 2 * Math.PI);
            }
            return new HandShake(amp, freq, phase);
        }

        /** Offsets {dx, dy, yaw, pitch, roll} at {@code t} ms. */
        double[] at(long t) {
            double s = t / 1000.0;
            double[] o = new double[5];
            for (int i = 0; i < 10; i++) {
                o[i % 5] += amp[i] * Math.sin(2 * Math.PI * freq[i] * s + phase[i]);
            }
            return o;
        }
    }

    /** A face placed in the scene: its model, frontal face width and centre, and its lighting. */
    record Performer(FaceModel3D face, double faceWidth, double centreX, double centreY,
            HeadRenderer.Shading light) {

        Performer withFace(FaceModel3D other) {
            return new Performer(other, faceWidth, centreX, centreY, light);
        }

        void draw(HeadRenderer renderer, byte[] canvas, Pose p) {
            renderer.draw(canvas, face.mesh(), face.pose(p.yaw(), p.pitch(), p.roll(), faceWidth * p.scale(),
                    centreX + p.dx() * faceWidth, centreY + p.dy() * faceWidth), light);
        }
    }

    static Mat decode(byte[] jpeg) {
        try (Mat buf = new Mat(1, jpeg.length, CV_8UC1, new BytePointer(jpeg))) {
            return imdecode(buf, IMREAD_COLOR);
        }
    }
}
