package dev.livecheck.portal.capture;

import dev.livecheck.core.attempt.ChallengePlanner;
import dev.livecheck.core.engine.FrameBudget;
import dev.livecheck.core.engine.LivenessEngine;
import dev.livecheck.portal.email.LinkSealer;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The engine and the threads that feed it. The engine draws challenges with {@link ChallengePlanner}'s SecureRandom
 * ({@link LivenessEngine#drawChallenges}, once per counted attempt, see {@link AttemptGate}); no property or request can choose them (tests replace the
 * planner bean with a scripted one).
 */
@Configuration(proxyBeanMethods = false)
class CaptureConfiguration {

    private static final Logger log = LoggerFactory.getLogger(CaptureConfiguration.class);
    private static final int CORES = Runtime.getRuntime().availableProcessors();
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

    @Bean
    ChallengePlanner challengePlanner() {
        return new ChallengePlanner();
    }

    /** Socket tickets, signed under their own key derived from the link key (the same on every node). */
    @Bean
    CaptureTickets captureTickets(LinkSealer sealer) {
        return new CaptureTickets(sealer.derivedKey(CaptureTickets.KEY_PURPOSE));
    }

    /**
     * One engine for the app: the face models load once; one analyzer per core, each built and run once before the
     * portal takes requests. Built lazily, the analyzers cost the first attempts after a start more than the 2 s frame
     * gap the continuity check allows, and the first person was refused with FRAME_GAP.
     */
    @Bean(destroyMethod = "close")
    LivenessEngine livenessEngine(ChallengePlanner planner) throws InterruptedException {
        return LivenessEngine.withBundledModels(planner, CORES).warmUp();
    }

    /**
     * Engine work, off the sockets' threads. One thread per core (the analysis is CPU-bound); each attempt has at
     * most one task queued (see {@link AttemptWorker}), so the queue bounds the number of busy attempts, not frames.
     */
    @Bean(destroyMethod = "shutdownNow")
    ThreadPoolExecutor captureEngineExecutor() {
        return new ThreadPoolExecutor(CORES, CORES, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(1024),
                named("capture-engine-"), new ThreadPoolExecutor.AbortPolicy());
    }

    /** Ticks running attempts so their timeouts fire; the tick itself only queues work on the engine executor. */
    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService captureTicker() {
        ScheduledThreadPoolExecutor ticker = new ScheduledThreadPoolExecutor(1, named("capture-tick-"));
        ticker.setRemoveOnCancelPolicy(true);
        return ticker;
    }

    @Bean
    CaptureMetrics captureMetrics(MeterRegistry registry, ThreadPoolExecutor captureEngineExecutor) {
        CaptureMetrics metrics = new CaptureMetrics(registry);
        metrics.engineQueue(() -> captureEngineExecutor.getQueue().size());
        return metrics;
    }

    /**
     * The frame budget shared by running attempts (analysed frames per second for the whole server) and how long a
     * start may wait for a share. Unless {@code livecheck.capture.frame-budget} sets it, the budget is measured at
     * start on this machine: every analyzer times a frame's stages at once ({@link LivenessEngine#measureFrameBudget}),
     * and {@link #BUDGET_SHARE_OF_MEASURED} of what they sustain is handed out.
     */
    @Bean
    CaptureLoad captureLoad(@Value("${livecheck.capture.frame-budget:0}") int configuredBudget,
            @Value("${livecheck.capture.queue-timeout:PT2M}") Duration queueTimeout,
            @Value("${livecheck.capture.budget-reprobe-every:PT5M}") Duration reprobeEvery, CaptureMetrics metrics,
            @Qualifier("captureTicker") ScheduledExecutorService captureTicker,
            @Qualifier("captureBudgetProbe") ScheduledExecutorService captureBudgetProbe, LivenessEngine engine)
            throws InterruptedException {
        int budget = configuredBudget > 0 ? configuredBudget : measuredBudget(engine);
        CaptureLoad load = new CaptureLoad(budget, queueTimeout.toMillis(), CaptureConnection::monotonicMillis, metrics,
                MachineLoad.ofThisMachine(CaptureConnection::monotonicMillis));
        load.watch(captureTicker);
        if (configuredBudget <= 0 && reprobeEvery.toSeconds() > 0) {
            captureBudgetProbe.scheduleWithFixedDelay(() -> reprobeWhenIdle(engine, load), REPROBE_FIRST.toSeconds(),
                    reprobeEvery.toSeconds(), TimeUnit.SECONDS);
        }
        return load;
    }

    /**
     * Probes the engine again if nobody is capturing, and raises the budget if the probe is faster. Its own thread
     * ({@link #captureBudgetProbe}): a probe holds every analyzer for about a second, which must not delay the
     * ticks of an attempt that starts meanwhile.
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

    /** Runs the idle re-probes of the frame budget. */
    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService captureBudgetProbe() {
        return new ScheduledThreadPoolExecutor(1, named("capture-budget-probe-"));
    }

    static int measuredBudget(LivenessEngine engine) throws InterruptedException {
        FrameBudget measured = probe(engine);
        int budget = budgetOf(measured);
        log.info("Capture frame budget: {} analysed frames/s ({}); set livecheck.capture.frame-budget to override",
                budget, describe(measured));
        return budget;
    }

    /** The fastest of {@link #BUDGET_PROBES} probes of the engine. */
    static FrameBudget probe(LivenessEngine engine) throws InterruptedException {
        List<FrameBudget> probes = new ArrayList<>();
        for (int i = 0; i < BUDGET_PROBES; i++) {
            probes.add(engine.measureFrameBudget(BUDGET_STREAM_FPS, BUDGET_MEASURE_ROUNDS));
        }
        return fastest(probes);
    }

    /** What the server hands out of what its analyzers sustain. */
    static int budgetOf(FrameBudget measured) {
        return Math.max(CaptureLoad.FLOOR_FPS, (int) (measured.framesPerSecond() * BUDGET_SHARE_OF_MEASURED));
    }

    private static String describe(FrameBudget measured) {
        return String.format(java.util.Locale.ROOT,
                "%d %% of %d measured on %d analyzers, %.2f ms a frame at %d fps per stream: %s",
                Math.round(BUDGET_SHARE_OF_MEASURED * 100), Math.round(measured.framesPerSecond()),
                measured.analyzers(), measured.millisPerFrame(), measured.streamFps(), measured.stages());
    }

    /** The probe that measured the most frames per second (the least disturbed one). */
    static FrameBudget fastest(List<FrameBudget> probes) {
        return probes.stream().max(Comparator.comparingDouble(FrameBudget::framesPerSecond)).orElseThrow();
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
