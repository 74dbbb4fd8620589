package dev.livecheck.core.testkit;

import java.util.Arrays;
import java.util.Locale;
import java.util.Random;

/**
 * Measures the renderer (not a test): median milliseconds to draw a 3D head
 * at a random pose over a background, and to add camera effects and encode the
 * JPEG, on one thread; then what a live client pays per frame: {@link LivePerformer#frame} (pose, background, head,
 * camera effects, JPEG) at 15 fps while answering a challenge every two seconds. {@code RenderBenchmark [frames]}.
 */
public final class RenderBenchmark {

    private RenderBenchmark() {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        FaceLibrary library = FaceLibrary.shared();
        Random rnd = new Random(1);
        byte[] background = Backgrounds.create(rnd);
        byte[] canvas = new byte[HeadRenderer.WIDTH * HeadRenderer.HEIGHT * 3];
        double[] draw = new double[n];
        double[] capture = new double[n];
        CameraEffects.Params params = CameraEffects.Params.random(rnd);
        try (HeadRenderer renderer = new HeadRenderer(); CameraEffects effects = new CameraEffects()) {
            for (int i = -50; i < n; i++) {
                FaceModel3D face = library.faces().get(Math.floorMod(i, library.size()));
                Backgrounds.window(background, 0, 0, canvas);
                long t0 = System.nanoTime();
                renderer.draw(canvas, face.mesh(), face.pose(MotionScript.uniform(rnd, -40, 40),
                        MotionScript.uniform(rnd, -30, 30), MotionScript.uniform(rnd, -5, 5),
                        MotionScript.uniform(rnd, 150, 320), 320, 240), HeadRenderer.Shading.NEUTRAL);
                long t1 = System.nanoTime();
                effects.capture(canvas, params, rnd);
                long t2 = System.nanoTime();
                if (i >= 0) {
                    draw[i] = (t1 - t0) / 1e6;
                    capture[i] = (t2 - t1) / 1e6;
                }
            }
        }
        Arrays.sort(draw);
        Arrays.sort(capture);
        System.out.printf(Locale.ROOT, "head render: median %.2f ms, p95 %.2f ms; camera effects + JPEG: median %.2f ms"
                + " (%d frames, one thread)%n", draw[n / 2], draw[n * 95 / 100], capture[n / 2], n);

        double[] live = new double[n];
        dev.livecheck.core.attempt.Challenge[] actions = dev.livecheck.core.attempt.Challenge.values();
        try (LivePerformer person = new LivePerformer(1)) {
            for (int i = -50; i < n; i++) {
                long t = (i + 50) * 1000L / 15;
                if ((i + 50) % 30 == 0) {
                    person.perform(actions[Math.floorMod(i, actions.length)], t);
                }
                long t0 = System.nanoTime();
                person.frame(t);
                if (i >= 0) {
                    live[i] = (System.nanoTime() - t0) / 1e6;
                }
            }
        }
        Arrays.sort(live);
        System.out.printf(Locale.ROOT, "live performer frame (pose + scene + head + camera + JPEG): median %.2f ms,"
                + " p95 %.2f ms (%d frames, one thread)%n", live[n / 2], live[n * 95 / 100], n);
    }
}
