package dev.livecheck.portal.capture;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The capture path's database work (storing a decided attempt, renewing a lease), on a few threads of its own: an
 * engine thread hands a decision over and goes back to analysing frames instead of waiting for a transaction. Closing
 * takes no new work and lets what is queued finish (a decided attempt is stored, not lost with the node), up to a
 * drain limit.
 */
final class StorageExecutor implements Executor, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StorageExecutor.class);

    private final ThreadPoolExecutor pool;
    private final Duration drain;

    /**
     * @param threads transactions at once (each holds a connection; a couple keep up with every core's decisions)
     * @param queue   work waiting beyond that; when full, {@link #execute} refuses
     * @param drain   how long {@link #close} waits for queued work
     */
    StorageExecutor(int threads, int queue, Duration drain) {
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queue),
                runnable -> {
                    Thread thread = new Thread(runnable, "capture-store-" + n.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                }, new ThreadPoolExecutor.AbortPolicy());
        this.drain = drain;
    }

    /** @throws RejectedExecutionException when closed or full */
    @Override
    public void execute(Runnable work) {
        pool.execute(work);
    }

    @Override
    public void close() {
        pool.shutdown();
        try {
            if (!pool.awaitTermination(drain.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("capture storage did not finish within {}; {} tasks are dropped", drain,
                        pool.shutdownNow().size());
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
