package dev.livecheck.core.engine;

import dev.livecheck.core.vision.FaceVisionModels;
import dev.livecheck.core.vision.FrameAnalyzer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Frame analyzers (each with its own OpenCV networks) shared by many
 * attempts: borrow one for a frame or a recording, give it back after. At
 * most {@code capacity} exist; a borrower waits when all are busy, which
 * bounds native memory and CPU oversubscription.
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

    FrameAnalyzer borrow() throws InterruptedException {
        FrameAnalyzer analyzer = idle.poll();
        if (analyzer != null) {
            return analyzer;
        }
        synchronized (all) {
            if (all.size() < capacity) {
                FrameAnalyzer created = new FrameAnalyzer(models);
                all.add(created);
                return created;
            }
        }
        return idle.take();
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
