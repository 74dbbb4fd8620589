package dev.livecheck.portal.capture;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.function.IntSupplier;

/**
 * The capture socket's Micrometer meters: attempts by outcome, frames analysed and dropped (by reason), BUSY answers,
 * the admission queue (length, wait) and the engine's work queue. Registered on the application's registry; they are
 * only scraped where the operator exposes {@code /actuator/prometheus} (docs/operations.md), never by default.
 */
final class CaptureMetrics {

    private final MeterRegistry registry;
    private final Counter analysed;
    private final Counter droppedSubsample;
    private final Counter droppedQueue;
    private final Counter busy;
    private final Counter queued;

    CaptureMetrics(MeterRegistry registry) {
        this.registry = registry;
        // two names, not one with a "state" tag: Prometheus wants the same tag keys on every meter of a name
        this.analysed = Counter.builder("livecheck.capture.frames.analysed")
                .description("Frames the engine analysed").register(registry);
        this.droppedSubsample = Counter.builder("livecheck.capture.frames.dropped").tag("reason", "rate")
                .description("Frames beyond the attempt's share, not analysed").register(registry);
        this.droppedQueue = Counter.builder("livecheck.capture.frames.dropped").tag("reason", "engine_behind")
                .description("Frames dropped because the engine fell behind").register(registry);
        this.busy = Counter.builder("livecheck.capture.busy")
                .description("Attempts ended with error BUSY (evidence cut by the server; not counted)").register(registry);
        this.queued = Counter.builder("livecheck.capture.queue.entered")
                .description("Starts that had to wait in the admission queue").register(registry);
    }

    void gauges(IntSupplier queueLength, IntSupplier running) {
        Gauge.builder("livecheck.capture.queue.length", queueLength::getAsInt)
                .description("Starts waiting for capacity").register(registry);
        Gauge.builder("livecheck.capture.attempts.running", running::getAsInt)
                .description("Attempts holding a share of the frame budget").register(registry);
    }

    void engineQueue(IntSupplier depth) {
        Gauge.builder("livecheck.capture.engine.queue", depth::getAsInt)
                .description("Attempts with frames waiting for an engine thread").register(registry);
    }

    void attempt(String outcome) {
        Counter.builder("livecheck.capture.attempts").tag("outcome", outcome)
                .description("Attempts ended, by outcome").register(registry).increment();
    }

    void analysed(int frames) {
        analysed.increment(frames);
    }

    void droppedForRate() {
        droppedSubsample.increment();
    }

    void droppedBehind(int frames) {
        droppedQueue.increment(frames);
    }

    void busy() {
        busy.increment();
    }

    void queued() {
        queued.increment();
    }

    void queueWait(long millis, boolean admitted) {
        Timer.builder("livecheck.capture.queue.wait").tag("admitted", String.valueOf(admitted))
                .description("Time a start waited in the admission queue").register(registry)
                .record(Duration.ofMillis(millis));
    }
}
