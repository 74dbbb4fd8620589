package dev.livecheck.portal.capture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livecheck.core.attempt.Challenge;
import dev.livecheck.core.engine.LiveAttempt;
import dev.livecheck.core.engine.LivenessEngine;
import dev.livecheck.core.engine.LiveFrames;
import dev.livecheck.core.vision.FrameRejectedException;
import dev.livecheck.core.vision.InspectedFrame;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** When the engine falls behind, an attempt's frames wait in a bounded, thinned queue: nothing grows or blocks. */
class AttemptWorkerTest {

    private static LivenessEngine engine;

    @BeforeAll
    static void startEngine() {
        engine = LivenessEngine.withBundledModels();
    }

    @AfterAll
    static void stopEngine() {
        engine.close();
    }

    /** An engine executor that is "busy": tasks wait until the test runs them. */
    private static final class BusyExecutor implements Executor {
        final Deque<Runnable> waiting = new ArrayDeque<>();

        @Override
        public void execute(Runnable task) {
            waiting.add(task);
        }

        void runAll() {
            while (!waiting.isEmpty()) {
                waiting.poll().run();
            }
        }
    }

    private static final class RecordingListener implements AttemptWorker.Listener {
        final List<String> rejected = new ArrayList<>();

        @Override
        public void updated(AttemptWorker worker, LiveAttempt.Update update) {
        }

        @Override
        public void frameRejected(AttemptWorker worker, FrameRejectedException rejection) {
            rejected.add(rejection.reason().name());
        }

        @Override
        public void failed(AttemptWorker worker, Exception failure) {
            throw new AssertionError(failure);
        }
    }

    /**
     * A frame that passes the socket's inspection (header, markers, size) but that no decoder can decode: its
     * quantisation tables are cut out. The engine refuses it with NOT_JPEG, so the test sees which frames it analysed.
     * Each {@code index} gives other bytes (one byte of the scan differs): the engine skips a frame that repeats the
     * one before unread.
     */
    private static InspectedFrame undecodable(int index) throws Exception {
        byte[] jpeg = CaptureSocketTestSupport.greyJpeg();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        int i = 2;
        while ((jpeg[i + 1] & 0xFF) != 0xDA) {
            int length = ((jpeg[i + 2] & 0xFF) << 8) | (jpeg[i + 3] & 0xFF);
            if ((jpeg[i + 1] & 0xFF) != 0xDB) {
                out.write(jpeg, i, 2 + length);
            }
            i += 2 + length;
        }
        out.write(jpeg, i, jpeg.length - i);
        byte[] frame = out.toByteArray();
        frame[frame.length - 3] = (byte) (index % 0x80); // scan data before the end marker, never a marker itself
        return LiveFrames.inspect(frame);
    }

    @Test
    void aBusyEngineKeepsABoundedQueueAndAnalysesOnlyWhatItKept() throws Exception {
        BusyExecutor executor = new BusyExecutor();
        RecordingListener listener = new RecordingListener();
        AttemptWorker worker = new AttemptWorker(engine.startAttempt(List.of(Challenge.TURN_LEFT, Challenge.LOOK_UP)),
                executor, listener, Instant.EPOCH);

        int sent = 3 * CaptureLimits.FRAME_QUEUE;
        for (int i = 0; i < sent; i++) {
            worker.offer(undecodable(i), i * 66L);
        }

        assertThat(executor.waiting).as("one drain task per attempt, however many frames").hasSize(1);
        assertThat(worker.droppedFrames()).isEqualTo(sent - CaptureLimits.FRAME_QUEUE);
        executor.runAll();
        assertThat(listener.rejected).hasSize(CaptureLimits.FRAME_QUEUE).containsOnly("NOT_JPEG");
    }

    @Test
    void aStoppedWorkerTakesNoMoreFrames() throws Exception {
        BusyExecutor executor = new BusyExecutor();
        RecordingListener listener = new RecordingListener();
        AttemptWorker worker = new AttemptWorker(engine.startAttempt(List.of(Challenge.TURN_LEFT, Challenge.LOOK_UP)),
                executor, listener, Instant.EPOCH);
        worker.offer(undecodable(0), 0);
        worker.stop();
        worker.offer(undecodable(1), 66);
        executor.runAll();

        assertThat(listener.rejected).isEmpty();
        assertThat(worker.droppedFrames()).isZero();
    }
}
