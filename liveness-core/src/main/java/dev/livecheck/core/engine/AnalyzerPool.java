package dev.livecheck.core.engine;

import dev.livecheck.core.vision.FaceVisionModels;
import dev.livecheck.core.vision.FrameAnalyzer;
import dev.livecheck.core.vision.FrameCost;
import dev.livecheck.core.vision.FrameDecoder;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;

/**
 * Frame analyzers (each with its own OpenCV networks) shared by many
 * attempts: borrow one for a frame or a recording, give it back after. At
 * most {@code capacity} exist; a borrower waits when all are busy, which
 * bounds native memory and CPU oversubscription. Analyzers accept frames up
 * to the recording limits; a live attempt gets its frames inspected under the
 * stricter capture-protocol limits by its caller and decodes them itself.
 */
final class AnalyzerPool implements AutoCloseable {

    private final FaceVisionModels models;
    private final BlockingQueue<FrameAnalyzer> idle;
    private final List<FrameAnalyzer> all = new ArrayList<>();
    private final int capacity;

    AnalyzerPool(FaceVisionModels models, int capacity) {
        this.models = models;
        this.capacity = capacity;
        this.idle = new ArrayBlockingQueue<>(capacity);
    }

    int capacity() {
        return capacity;
    }

    FrameAnalyzer borrow() throws InterruptedException {
        FrameAnalyzer analyzer = idle.poll();
        if (analyzer != null) {
            return analyzer;
        }
        synchronized (all) {
            if (all.size() < capacity) {
                FrameAnalyzer created = new FrameAnalyzer(models, new FrameDecoder(FrameDecoder.Limits.RECORDING));
                all.add(created);
                return created;
            }
        }
        return idle.take();
    }

    /**
     * Borrows like {@link #borrow}, but an interrupt does not abandon the
     * wait (it is restored afterwards): for the few embeddings of a decision,
     * which only wait for other borrowers' current frames.
     */
    FrameAnalyzer borrowUninterruptibly() {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return borrow();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Creates every analyzer now and runs each once on a blank frame, so the
     * first real frames do not pay for native allocations and JIT warm-up.
     */
    void warmUp() throws InterruptedException {
        List<FrameAnalyzer> borrowed = new ArrayList<>();
        try (Mat blank = new Mat(480, 640, CV_8UC3, new Scalar(96, 96, 96, 0))) {
            for (int i = 0; i < capacity; i++) {
                FrameAnalyzer analyzer = borrow();
                borrowed.add(analyzer);
                analyzer.analyze(blank, 0, true);
                analyzer.warmUpEmbedder();
            }
        } finally {
            borrowed.forEach(this::release);
        }
    }

    /**
     * What a tracked frame costs when every analyzer works at once (as under load, where they share caches and
     * memory bandwidth): each measures {@code rounds} frames on its own thread; the slowest analyzer's figures are
     * returned (slowest at the stream rate {@code fps} the budget is sized for), so the budget holds for all.
     */
    FrameCost measureCost(int rounds, int fps) throws InterruptedException {
        List<FrameAnalyzer> borrowed = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        FrameCost[] costs = new FrameCost[capacity];
        try {
            for (int i = 0; i < capacity; i++) {
                borrowed.add(borrow());
            }
            for (int i = 0; i < capacity; i++) {
                int k = i;
                Thread t = new Thread(() -> costs[k] = borrowed.get(k).measureCost(rounds), "frame-cost-" + i);
                t.start();
                threads.add(t);
            }
            for (Thread t : threads) {
                t.join();
            }
        } finally {
            borrowed.forEach(this::release);
        }
        FrameCost slowest = costs[0];
        for (FrameCost c : costs) {
            if (c != null && (slowest == null || c.meanMillisPerFrame(fps) > slowest.meanMillisPerFrame(fps))) {
                slowest = c;
            }
        }
        return slowest;
    }

    void release(FrameAnalyzer analyzer) {
        idle.offer(analyzer);
    }

    @Override
    public void close() {
        synchronized (all) {
            all.forEach(FrameAnalyzer::close);
            all.clear();
        }
    }
}
