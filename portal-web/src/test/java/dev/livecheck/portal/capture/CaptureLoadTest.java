package dev.livecheck.portal.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CaptureLoadTest {

    private final AtomicLong now = new AtomicLong(1_000);
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    /** A client as the load sees it: what it was told, in order (also the idle re-probe test's attempt). */
    static final class Client implements CaptureLoad.Waiter {
        final List<String> heard = new ArrayList<>();
        int fps;

        @Override
        public void rate(int fps) {
            this.fps = fps;
            heard.add("rate " + fps);
        }

        @Override
        public void queued(int position, long timeoutSeconds) {
            heard.add("queued " + position + " " + timeoutSeconds + "s");
        }

        @Override
        public void admitted() {
            heard.add("admitted");
        }

        @Override
        public void timedOut() {
            heard.add("timed out");
        }
    }

    private CaptureLoad load(int budget) {
        return new CaptureLoad(budget, 60_000, now::get, new CaptureMetrics(registry), unknownMachine());
    }

    @Test
    void theBudgetIsSharedEvenlyBetweenTheFloorAndTheProtocolRate() {
        CaptureLoad load = load(360);
        assertThat(load.share(1)).isEqualTo(CaptureLimits.FPS);
        assertThat(load.share(24)).isEqualTo(15);
        assertThat(load.share(36)).isEqualTo(10);
        assertThat(load.share(40)).isEqualTo(9);
        assertThat(load.share(60)).isEqualTo(CaptureLoad.FLOOR_FPS);
        assertThat(load.capacity()).isEqualTo(60);
    }

    @Test
    void aFasterProbeOfTheIdleEngineRaisesTheBudgetAndNothingLowersIt() {
        CaptureLoad load = load(123);
        assertThat(load.raiseWhileIdle(100)).as("a slower probe was only disturbed").isFalse();
        assertThat(load.budget()).isEqualTo(123);
        assertThat(load.raiseWhileIdle(194)).isTrue();
        assertThat(load.budget()).isEqualTo(194);
        assertThat(load.capacity()).isEqualTo(194 / CaptureLoad.FLOOR_FPS);

        Client running = new Client();
        load.admit(running);
        assertThat(load.idle()).isFalse();
        assertThat(load.raiseWhileIdle(300)).as("running shares are not changed under an attempt").isFalse();
        assertThat(load.budget()).isEqualTo(194);
        load.release(running);
        assertThat(load.idle()).isTrue();
    }

    @Test
    void everyRunningAttemptHearsItsNewShareWhenAnotherJoinsOrLeaves() {
        CaptureLoad load = load(24);
        Client a = new Client();
        Client b = new Client();
        assertThat(load.admit(a)).isEqualTo(CaptureLoad.Admission.ADMITTED);
        assertThat(a.fps).isEqualTo(15);
        load.admit(b);
        assertThat(a.fps).isEqualTo(12);
        assertThat(b.fps).isEqualTo(12);
        load.release(b);
        assertThat(a.heard).containsExactly("rate 15", "rate 12", "rate 15");
        load.release(b); // idempotent
        assertThat(a.heard).hasSize(3);
    }

    @Test
    void whenEvenTheFloorCannotBeServedAStartWaitsItsTurnAndIsAdmittedWhenASlotFrees() {
        CaptureLoad load = load(12); // two attempts at 6 frames/s
        Client a = new Client();
        Client b = new Client();
        Client c = new Client();
        Client d = new Client();
        load.admit(a);
        load.admit(b);
        assertThat(load.admit(c)).isEqualTo(CaptureLoad.Admission.QUEUED);
        assertThat(load.admit(d)).isEqualTo(CaptureLoad.Admission.QUEUED);
        assertThat(c.heard).containsExactly("queued 1 60s");
        assertThat(d.heard).containsExactly("queued 2 60s");
        assertThat(registry.get("livecheck.capture.queue.length").gauge().value()).isEqualTo(2);

        now.addAndGet(5_000);
        load.release(a);
        assertThat(c.heard).containsExactly("queued 1 60s", "admitted", "rate 6");
        assertThat(d.heard).containsExactly("queued 2 60s", "queued 1 60s");
        assertThat(registry.get("livecheck.capture.queue.wait").tag("admitted", "true").timer().count()).isEqualTo(1);
    }

    @Test
    void aQueuedStartThatWaitedTooLongIsToldSoAndLeavesTheQueue() {
        CaptureLoad load = new CaptureLoad(6, 2_000, now::get, new CaptureMetrics(registry), unknownMachine());
        Client a = new Client();
        Client b = new Client();
        load.admit(a);
        load.admit(b);
        now.addAndGet(1_999);
        load.expire();
        assertThat(b.heard).containsExactly("queued 1 2s");
        now.addAndGet(1);
        load.expire();
        assertThat(b.heard).containsExactly("queued 1 2s", "timed out");
        assertThat(load.queueLength()).isZero();
        load.release(a);
        assertThat(b.heard).as("a timed-out start is not admitted later").hasSize(2);
    }

    @Test
    void aClientThatLeavesTheQueueIsForgotten() {
        CaptureLoad load = load(6);
        Client a = new Client();
        Client b = new Client();
        load.admit(a);
        load.admit(b);
        load.release(b);
        load.release(a);
        assertThat(b.heard).containsExactly("queued 1 60s");
        assertThat(load.runningCount()).isZero();
    }

    @Test
    void aBudgetBelowTheFloorIsRefused() {
        assertThatThrownBy(() -> load(5)).isInstanceOf(IllegalArgumentException.class);
    }

    /** A machine whose load cannot be read: never saturated. */
    private MachineLoad unknownMachine() {
        return new MachineLoad(() -> -1, now::get);
    }
}
