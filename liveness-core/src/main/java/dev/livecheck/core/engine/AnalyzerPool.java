package dev.livecheck.core.engine;

import dev.livecheck.core.vision.FaceVisionModels;
import dev.livecheck.core.vision.FrameAnalyzer;
import dev.livecheck.core.vision.FrameDecoder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Frame analyzers (each with its own OpenCV networks) shared by many
 * attempts: borrow one for a frame or a recording, give it back after. At
 * most {@code capacity} exist; a borrower waits when all are busy, which
 * bounds native memory and CPU oversubscription. Analyzers accept frames up
 * to the recording limits; live attempts enforce the stricter capture-protocol
 * limits before they borrow one.
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
                FrameAnalyzer created = new FrameAnalyzer(models, new FrameDecoder(FrameDecoder.Limits.RECORDING));
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
