package dev.livecheck.core.cli;

import dev.livecheck.core.engine.FrameSampler;
import dev.livecheck.core.engine.LivenessEngine;
import dev.livecheck.core.recording.RecordedFrame;
import dev.livecheck.core.recording.Recording;
import dev.livecheck.core.recording.RecordingFormatException;
import dev.livecheck.core.recording.RecordingReader;
import dev.livecheck.core.vision.FaceTracker;
import dev.livecheck.core.vision.FaceVisionModels;
import dev.livecheck.core.vision.FrameAnalyzer;
import dev.livecheck.core.vision.FrameRejectedException;
import org.bytedeco.opencv.global.opencv_core;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code bench DIR}: measures what the quality targets talk about — per-frame
 * latency of {@link FrameAnalyzer#analyze} as the engine calls it (each
 * recording one tracked stream: decode + landmarks + pose + cues, detection
 * when tracking needs it, the small-face scan on its time cadence) on one
 * thread and on N threads, and the engine's decision latency.
 */
final class BenchCommand {

    /** Enough calls for the JIT and OpenCV's lazy allocations to settle before timing. */
    static final int WARM_UP_CALLS = 50;

    /**
     * Per-frame latencies of one run, the throughput all its threads reached
     * together, the CPU time the analysing threads used per frame (less
     * sensitive than wall time to other work on a shared machine) and the
     * share of frames on which the detector ran (the rest were tracked).
     */
    record FrameRun(int threads, boolean tracked, Latencies latencies, double framesPerSecond, int rejectedFrames,
            double cpuMillisPerFrame, double detectedShare) {
    }

    /** A frame and whether it starts a recording (a new stream, so a new tracker). */
    record StreamFrame(RecordedFrame frame, boolean first) {
    }

    private final RecordingReader reader = new RecordingReader();

    int run(CliOptions options, PrintStream out, PrintStream err) throws IOException, InterruptedException {
        List<Recording> recordings = loadRecordings(options.dir(), options.maxFrames(), options.fps(), err);
        List<StreamFrame> frames = recordings.stream()
                .flatMap(r -> java.util.stream.IntStream.range(0, r.frames().size())
                        .mapToObj(i -> new StreamFrame(r.frames().get(i), i == 0)))
                .limit(options.maxFrames()).toList();
        if (frames.isEmpty()) {
            err.println("error: no frames could be loaded from " + options.dir());
            return 1;
        }
        // As in the engine: one OpenCV thread per analyzer, parallelism from running analyzers side by side.
        opencv_core.setNumThreads(1);
        FaceVisionModels models = FaceVisionModels.loadBundled();
        warmUp(models, frames);
        FrameRun single = measure(models, frames, 1, true);
        FrameRun parallel = measure(models, frames, options.threads(), true);
        FrameRun untracked = measure(models, frames, 1, false);
        Latencies decisions = decisionLatencies(recordings);
        long heapBytes = heapUsedAfterGc();
        if (options.json()) {
            out.println(json(recordings.size(), frames.size(), single, parallel, untracked, decisions, heapBytes));
        } else {
            printTable(out, recordings.size(), frames.size(), single, parallel, untracked, decisions, heapBytes);
        }
        return 0;
    }

    /** Reads recordings in name order until they hold {@code maxFrames} frames; broken ones are skipped with a warning. */
    private List<Recording> loadRecordings(Path dir, int maxFrames, int fps, PrintStream err) throws IOException {
        List<Recording> recordings = new ArrayList<>();
        int frames = 0;
        for (Path folder : RecordingFolders.list(dir)) {
            if (frames >= maxFrames) {
                break;
            }
            try {
                Recording recording = FrameSampler.keptFrom(reader.read(folder), fps);
                recordings.add(recording);
                frames += recording.frames().size();
            } catch (RecordingFormatException e) {
                err.println("warning: skipping " + e.getMessage());
            }
        }
        return recordings;
    }

    private static void warmUp(FaceVisionModels models, List<StreamFrame> frames) {
        try (FrameAnalyzer analyzer = new FrameAnalyzer(models)) {
            FaceTracker tracker = new FaceTracker();
            for (int i = 0; i < WARM_UP_CALLS; i++) {
                StreamFrame frame = frames.get(i % frames.size());
                tracker = frame.first() ? new FaceTracker() : tracker;
                analyzeQuietly(analyzer, frame.frame(), tracker);
            }
        }
    }

    /**
     * Every thread analyses every frame once with its own analyzer; all
     * threads start together. Untracked is the engine before tracking (the
     * detector on every frame, the small-face scan on every third), measured
     * in the same run so the two compare under the same load.
     */
    private static FrameRun measure(FaceVisionModels models, List<StreamFrame> frames, int threads, boolean tracked)
            throws InterruptedException {
        AtomicLong startNanos = new AtomicLong();
        AtomicInteger rejected = new AtomicInteger();
        AtomicLong cpuNanos = new AtomicLong();
        AtomicLong detections = new AtomicLong();
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        CyclicBarrier start = new CyclicBarrier(threads, () -> startNanos.set(System.nanoTime()));
        Callable<long[]> worker = () -> {
            try (FrameAnalyzer analyzer = new FrameAnalyzer(models)) {
                // builds this analyzer's native buffers outside the timing
                analyzeQuietly(analyzer, frames.get(0).frame(), new FaceTracker());
                start.await();
                long cpu0 = cpu.getCurrentThreadCpuTime();
                long[] nanos = new long[frames.size()];
                FaceTracker tracker = new FaceTracker();
                for (int i = 0; i < nanos.length; i++) {
                    StreamFrame frame = frames.get(i);
                    if (frame.first() && tracked) {
                        detections.addAndGet(tracker.detections());
                        tracker = new FaceTracker();
                    }
                    long t0 = System.nanoTime();
                    boolean analysed = tracked ? analyzeQuietly(analyzer, frame.frame(), tracker)
                            : analyzeUntracked(analyzer, frame.frame(), i);
                    if (!analysed) {
                        rejected.incrementAndGet();
                    }
                    nanos[i] = System.nanoTime() - t0;
                }
                detections.addAndGet(tracked ? tracker.detections() : nanos.length);
                cpuNanos.addAndGet(cpu.getCurrentThreadCpuTime() - cpu0);
                return nanos;
            }
        };
        List<long[]> perThread = runOnThreads(worker, threads);
        double seconds = (System.nanoTime() - startNanos.get()) / 1e9;
        long[] all = perThread.stream().flatMapToLong(Arrays::stream).toArray();
        return new FrameRun(threads, tracked, new Latencies(all), all.length / seconds, rejected.get() / threads,
                cpuNanos.get() / 1e6 / all.length, (double) detections.get() / all.length);
    }

    private static List<long[]> runOnThreads(Callable<long[]> worker, int threads) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<long[]> results = new ArrayList<>();
            for (Future<long[]> f : pool.invokeAll(Collections.nCopies(threads, worker))) {
                results.add(f.get());
            }
            return results;
        } catch (ExecutionException e) {
            throw new IllegalStateException("benchmark worker failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Analyses as the engine does: the frames of one recording as one tracked
     * stream (detection when tracking needs it, the small-face scan on its
     * time cadence).
     *
     * @return false when the frame was rejected (not a JPEG, ...); rejected frames still count as timed calls
     */
    private static boolean analyzeQuietly(FrameAnalyzer analyzer, RecordedFrame frame, FaceTracker tracker) {
        try {
            analyzer.analyze(frame.jpeg(), frame.t(), tracker);
            return true;
        } catch (FrameRejectedException e) {
            return false;
        }
    }

    private static boolean analyzeUntracked(FrameAnalyzer analyzer, RecordedFrame frame, int index) {
        try {
            analyzer.analyze(frame.jpeg(), frame.t(), index % 3 == 0);
            return true;
        } catch (FrameRejectedException e) {
            return false;
        }
    }

    /** The engine's own {@code decisionMillis}, one recording at a time so they do not compete for cores. */
    private static Latencies decisionLatencies(List<Recording> recordings) throws InterruptedException {
        try (LivenessEngine engine = LivenessEngine.withBundledModels()) {
            long[] nanos = new long[recordings.size()];
            for (int i = 0; i < nanos.length; i++) {
                nanos[i] = engine.evaluate(recordings.get(i)).decisionMillis() * 1_000_000;
            }
            return new Latencies(nanos);
        }
    }

    private static long heapUsedAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static void printTable(PrintStream out, int recordings, int frames, FrameRun single, FrameRun parallel,
            FrameRun untracked, Latencies decisions, long heapBytes) {
        out.printf(Locale.ROOT, "bench: %d frames from %d recordings%n", frames, recordings);
        out.printf(Locale.ROOT, "%-22s %8s %8s %8s %10s %12s %10s%n", "per frame", "p50 ms", "p95 ms", "p99 ms",
                "frames/s", "cpu ms/frame", "detected");
        printRow(out, single);
        printRow(out, parallel);
        printRow(out, untracked);
        out.printf(Locale.ROOT, "%-22s %8.1f %8.1f %8s %10s   (max %.1f ms, %d recordings)%n", "decision",
                decisions.percentileMillis(50), decisions.percentileMillis(95), "", "", decisions.maxMillis(),
                decisions.count());
        out.printf(Locale.ROOT, "rejected frames: %d; heap used after GC: %d MB%n", single.rejectedFrames(),
                heapBytes / (1024 * 1024));
    }

    private static void printRow(PrintStream out, FrameRun run) {
        Latencies l = run.latencies();
        out.printf(Locale.ROOT, "%-22s %8.2f %8.2f %8.2f %10.1f %12.2f %9.0f%%%n",
                (run.threads() == 1 ? "1 thread" : run.threads() + " threads") + (run.tracked() ? "" : ", untracked"),
                l.percentileMillis(50), l.percentileMillis(95), l.percentileMillis(99), run.framesPerSecond(),
                run.cpuMillisPerFrame(), run.detectedShare() * 100);
    }

    private static String json(int recordings, int frames, FrameRun single, FrameRun parallel,
            FrameRun untracked, Latencies decisions, long heapBytes) {
        JsonMapper mapper = JsonMapper.builder().build();
        ObjectNode root = mapper.createObjectNode()
                .put("recordings", recordings)
                .put("frames", frames)
                .put("rejected_frames", single.rejectedFrames());
        root.set("single_thread", runJson(mapper, single));
        root.set("multi_thread", runJson(mapper, parallel));
        root.set("single_thread_untracked", runJson(mapper, untracked));
        root.putObject("decision")
                .put("recordings", decisions.count())
                .put("p50_ms", rounded(decisions.percentileMillis(50)))
                .put("p95_ms", rounded(decisions.percentileMillis(95)))
                .put("max_ms", rounded(decisions.maxMillis()));
        root.put("heap_used_mb", heapBytes / (1024 * 1024));
        return mapper.writeValueAsString(root);
    }

    private static ObjectNode runJson(JsonMapper mapper, FrameRun run) {
        Latencies l = run.latencies();
        return mapper.createObjectNode()
                .put("threads", run.threads())
                .put("p50_ms", rounded(l.percentileMillis(50)))
                .put("p95_ms", rounded(l.percentileMillis(95)))
                .put("p99_ms", rounded(l.percentileMillis(99)))
                .put("frames_per_second", rounded(run.framesPerSecond()))
                .put("cpu_ms_per_frame", rounded(run.cpuMillisPerFrame()))
                .put("detected_share", rounded(run.detectedShare()));
    }

    /** Two decimals: microseconds of noise are not information. */
    private static double rounded(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
