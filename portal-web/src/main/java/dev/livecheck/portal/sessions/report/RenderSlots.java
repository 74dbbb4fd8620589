package dev.livecheck.portal.sessions.report;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * At most {@code livecheck.reports.max-concurrent-renders} (application.yml: 2, the cores of the smallest supported
 * machine) PDFs or evidence bundles are produced at once, so a burst of downloads cannot starve capture streams of
 * CPU; a request that finds no slot within {@link #WAIT_SECONDS} is told to retry ({@link ReportBusyException}).
 */
@Component
class RenderSlots {
    static final long WAIT_SECONDS = 10;

    private final Semaphore slots;

    RenderSlots(@Value("${livecheck.reports.max-concurrent-renders}") int permits) {
        if (permits < 1) {
            throw new IllegalArgumentException("livecheck.reports.max-concurrent-renders must be at least 1");
        }
        this.slots = new Semaphore(permits, true);
    }

    /** Runs {@code work} in a slot. */
    <T> T run(java.util.function.Supplier<T> work) {
        try {
            if (!slots.tryAcquire(WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new ReportBusyException();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReportBusyException();
        }
        try {
            return work.get();
        } finally {
            slots.release();
        }
    }
}
