package dev.livecheck.portal.capture;

import dev.livecheck.core.engine.LivenessEngine;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.WebSocketSession;

/**
 * Opens a {@link CaptureConnection} for each capture socket, wired to the shared engine, gate, executors and stores,
 * so a connection stays a plain object. Owns the capture path's {@link StorageExecutor}: closed with the context,
 * before the database it writes to (this bean depends on it), and pending stores finish first.
 */
@Component
class CaptureConnections implements DisposableBean {

    /** Two transactions at once; each attempt stores once, so this keeps up with every core's decisions. */
    private static final int STORAGE_THREADS = 2;
    private static final int STORAGE_QUEUE = 1024;
    private static final Duration STORAGE_DRAIN = Duration.ofSeconds(30);

    private final LivenessEngine engine;
    private final AttemptGate gate;
    private final AttemptResults results;
    private final Executor engineExecutor;
    private final ScheduledExecutorService ticker;
    private final StorageExecutor storage = new StorageExecutor(STORAGE_THREADS, STORAGE_QUEUE, STORAGE_DRAIN);
    private final CaptureLoad load;
    private final CaptureMetrics metrics;
    private final BusyAttemptLog busyAttempts;
    private final Clock clock;

    CaptureConnections(LivenessEngine engine, AttemptGate gate, AttemptResults results,
                       @Qualifier("captureEngineExecutor") Executor engineExecutor,
                       @Qualifier("captureTicker") ScheduledExecutorService ticker, CaptureLoad load,
                       CaptureMetrics metrics, BusyAttemptLog busyAttempts, Clock clock) {
        this.engine = engine;
        this.gate = gate;
        this.results = results;
        this.engineExecutor = engineExecutor;
        this.ticker = ticker;
        this.load = load;
        this.metrics = metrics;
        this.busyAttempts = busyAttempts;
        this.clock = clock;
    }

    /** @param socket must be safe for concurrent sends (engine, storage and socket threads all talk to the client) */
    CaptureConnection open(WebSocketSession socket, CaptureBinding binding) {
        return new CaptureConnection(socket, binding, engine, gate, results, engineExecutor, ticker, storage, load,
                metrics, busyAttempts, clock);
    }

    @Override
    public void destroy() {
        storage.close();
    }
}
