package dev.livecheck.portal.capture;

import dev.livecheck.core.engine.LivenessEngine;
import java.time.Clock;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/** The shared collaborators every {@link CaptureSession} needs, in one place so sessions stay plain objects. */
@Component
class CaptureServices {

    private final LivenessEngine engine;
    private final AttemptGate gate;
    private final Executor engineExecutor;
    private final ScheduledExecutorService ticker;
    private final AttemptPersister persister;
    private final CaptureLinkLookup links;
    private final Clock clock;
    private final CaptureLoad load;
    private final CaptureMetrics metrics;
    private final BusyAttemptLog busyAttempts;

    CaptureServices(LivenessEngine engine, AttemptGate gate,
                    @Qualifier("captureEngineExecutor") Executor engineExecutor,
                    @Qualifier("captureTicker") ScheduledExecutorService ticker, AttemptPersister persister,
                    CaptureLinkLookup links, Clock clock, CaptureLoad load, CaptureMetrics metrics,
                    BusyAttemptLog busyAttempts) {
        this.engine = engine;
        this.gate = gate;
        this.engineExecutor = engineExecutor;
        this.ticker = ticker;
        this.persister = persister;
        this.links = links;
        this.clock = clock;
        this.load = load;
        this.metrics = metrics;
        this.busyAttempts = busyAttempts;
    }

    BusyAttemptLog busyAttempts() {
        return busyAttempts;
    }

    CaptureLoad load() {
        return load;
    }

    CaptureMetrics metrics() {
        return metrics;
    }

    LivenessEngine engine() {
        return engine;
    }

    AttemptGate gate() {
        return gate;
    }

    Executor engineExecutor() {
        return engineExecutor;
    }

    ScheduledExecutorService ticker() {
        return ticker;
    }

    AttemptPersister persister() {
        return persister;
    }

    Clock clock() {
        return clock;
    }

    /**
     * The socket may have been open for a while: the link can have expired, been cancelled or been replaced by a new
     * one ("Resend with a new link") since the handshake.
     */
    boolean sessionStillOpen(CaptureBinding binding) {
        return links.reload(binding.businessId(), binding.sessionId())
                .filter(link -> link.session().captureTokenHash().equals(binding.captureTokenHash()))
                .map(link -> link.isOpenAt(clock.instant())).orElse(false);
    }
}
