package dev.livecheck.portal.capture;

import dev.livecheck.core.engine.FrameBudget;
import dev.livecheck.core.engine.LivenessEngine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the server sizes its frame budget from its own engine: every analyzer times a frame's stages at once
 * ({@link LivenessEngine#measureFrameBudget}), the least disturbed of a few probes counts, and
 * {@link #BUDGET_SHARE_OF_MEASURED} of what the analyzers sustain is handed out; at start, then again while the server
 * is idle ({@link CaptureConfiguration#captureLoad} schedules it).
 */
final class FrameBudgetProbe {

    private static final Logger log = LoggerFactory.getLogger(FrameBudgetProbe.class);

    /**
     * Share of the measured engine capacity the frame budget hands out: the rest is for what else a capture costs
     * (sockets, kept images, the decision's face embeddings, storing the attempt) and the other portal pages.
     */
    static final double BUDGET_SHARE_OF_MEASURED = 0.7;
    /**
     * Per-stream frame rate the measured cost is amortised over: the floor, where admission control decides how many
     * attempts run and the cadenced stages cost most per frame (at 10 fps the budget was 12 % higher than the engine
     * sustained once 36 attempts ran at the floor, and replies were late by seconds at 60 users).
     */
    static final int BUDGET_STREAM_FPS = CaptureLoad.FLOOR_FPS;
    /** Frames each analyzer times in one probe, after half as many untimed ones. */
    static final int BUDGET_MEASURE_ROUNDS = 20;
    /**
     * Probes taken at start (about 1.6 s in all, as the single probe of 60 rounds before); the fastest is kept. The JIT,
     * the rest of the start-up and whatever else runs on the machine share the cores with them, and sharing only ever
     * makes a probe slower: three starts of one jar measured 252, 305 and 311 frames/s with one probe, the 252 (a
     * budget of 176 instead of 213-217) while a build that had just finished still held the cores.
     */
    static final int BUDGET_PROBES = 3;
    /**
     * When an idle server first probes its engine again (then every {@code livecheck.capture.budget-reprobe-every},
     * default 5 minutes, 0 for never): a probe at start can still be slowed the whole time, by a build that has just
     * finished or another process exiting (the README's first command measured 123 frames/s right after its build, 194
     * on a start a minute later), and the budget would stay that low for the life of the process. A later, faster
     * probe of an idle engine raises it ({@link CaptureLoad#raiseWhileIdle}).
     */
    static final Duration REPROBE_FIRST = Duration.ofSeconds(30);

    private FrameBudgetProbe() {
    }

    /**
     * Probes the engine again if nobody is capturing, and raises the budget if the probe is faster. Its own thread
     * ({@link CaptureConfiguration#captureBudgetProbe}): a probe holds every analyzer for about a second, which must
     * not delay the ticks of an attempt that starts meanwhile.
     */
    static void reprobeWhenIdle(LivenessEngine engine, CaptureLoad load) {
        if (!load.idle()) {
            return;
        }
        try {
            int before = load.budget();
            FrameBudget measured = probe(engine);
            if (load.raiseWhileIdle(budgetOf(measured))) {
                log.info("Capture frame budget raised from {} to {} analysed frames/s by a probe of the idle engine ({})",
                        before, load.budget(), describe(measured));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.warn("probing the idle capture engine failed; the frame budget stays {}", load.budget(), e);
        }
    }

    /** The budget at start, from {@link #probe}, logged with what was measured. */
    static int measuredBudget(LivenessEngine engine) throws InterruptedException {
        FrameBudget measured = probe(engine);
        int budget = budgetOf(measured);
        log.info("Capture frame budget: {} analysed frames/s ({}); set livecheck.capture.frame-budget to override",
                budget, describe(measured));
        return budget;
    }

    /** The fastest of {@link #BUDGET_PROBES} probes of the engine. */
    private static FrameBudget probe(LivenessEngine engine) throws InterruptedException {
        List<FrameBudget> probes = new ArrayList<>();
        for (int i = 0; i < BUDGET_PROBES; i++) {
            probes.add(engine.measureFrameBudget(BUDGET_STREAM_FPS, BUDGET_MEASURE_ROUNDS));
        }
        return fastest(probes);
    }

    /** What the server hands out of what its analyzers sustain. */
    private static int budgetOf(FrameBudget measured) {
        return Math.max(CaptureLoad.FLOOR_FPS, (int) (measured.framesPerSecond() * BUDGET_SHARE_OF_MEASURED));
    }

    private static String describe(FrameBudget measured) {
        return String.format(Locale.ROOT,
                "%d %% of %d measured on %d analyzers, %.2f ms a frame at %d fps per stream: %s",
                Math.round(BUDGET_SHARE_OF_MEASURED * 100), Math.round(measured.framesPerSecond()),
                measured.analyzers(), measured.millisPerFrame(), measured.streamFps(), measured.stages());
    }

    /** The probe that measured the most frames per second (the least disturbed one). */
    static FrameBudget fastest(List<FrameBudget> probes) {
        return probes.stream().max(Comparator.comparingDouble(FrameBudget::framesPerSecond)).orElseThrow();
    }
}
