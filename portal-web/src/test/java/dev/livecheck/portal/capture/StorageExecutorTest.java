package dev.livecheck.portal.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Closing the capture storage (the context closes) lets the stores already handed over finish, and takes no more. */
class StorageExecutorTest {

    @Test
    void closeWaitsForPendingWorkAndRefusesNewWork() throws Exception {
        StorageExecutor storage = new StorageExecutor(1, 8, Duration.ofSeconds(10));
        CountDownLatch running = new CountDownLatch(1);
        AtomicInteger stored = new AtomicInteger();
        storage.execute(() -> {
            running.countDown();
            sleep(300);
            stored.incrementAndGet();
        });
        storage.execute(stored::incrementAndGet); // queued behind the first
        assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();

        storage.close();

        assertThat(stored).hasValue(2);
        assertThatThrownBy(() -> storage.execute(stored::incrementAndGet))
                .isInstanceOf(RejectedExecutionException.class);
    }

    @Test
    void closeGivesUpAfterItsDrainLimit() {
        StorageExecutor storage = new StorageExecutor(1, 8, Duration.ofMillis(100));
        AtomicInteger stored = new AtomicInteger();
        storage.execute(() -> sleep(2_000));
        storage.execute(stored::incrementAndGet);
        long start = System.nanoTime();

        storage.close();

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        assertThat(stored).hasValue(0);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
