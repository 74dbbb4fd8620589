package dev.livecheck.portal.capture;

import dev.livecheck.core.attempt.ChallengePlanner;
import dev.livecheck.core.engine.LivenessEngine;
import dev.livecheck.portal.email.LinkSealer;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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

    private static final int CORES = Runtime.getRuntime().availableProcessors();
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
     * start on this machine and again while idle ({@link FrameBudgetProbe}).
     */
    @Bean
    CaptureLoad captureLoad(@Value("${livecheck.capture.frame-budget:0}") int configuredBudget,
            @Value("${livecheck.capture.queue-timeout:PT2M}") Duration queueTimeout,
            @Value("${livecheck.capture.budget-reprobe-every:PT5M}") Duration reprobeEvery, CaptureMetrics metrics,
            @Qualifier("captureTicker") ScheduledExecutorService captureTicker,
            @Qualifier("captureBudgetProbe") ScheduledExecutorService captureBudgetProbe, LivenessEngine engine)
            throws InterruptedException {
        int budget = configuredBudget > 0 ? configuredBudget : FrameBudgetProbe.measuredBudget(engine);
        CaptureLoad load = new CaptureLoad(budget, queueTimeout.toMillis(), CaptureConnection::monotonicMillis, metrics,
                MachineLoad.ofThisMachine(CaptureConnection::monotonicMillis));
        load.watch(captureTicker);
        if (configuredBudget <= 0 && reprobeEvery.toSeconds() > 0) {
            captureBudgetProbe.scheduleWithFixedDelay(() -> FrameBudgetProbe.reprobeWhenIdle(engine, load),
                    FrameBudgetProbe.REPROBE_FIRST.toSeconds(),
                    reprobeEvery.toSeconds(), TimeUnit.SECONDS);
        }
        return load;
    }

    /** Runs the idle re-probes of the frame budget. */
    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService captureBudgetProbe() {
        return new ScheduledThreadPoolExecutor(1, named("capture-budget-probe-"));
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
