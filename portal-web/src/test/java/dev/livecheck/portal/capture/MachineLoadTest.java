package dev.livecheck.portal.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class MachineLoadTest {

    private final AtomicLong now = new AtomicLong(1_000);
    private double cpu;
    private final MachineLoad machine = new MachineLoad(() -> cpu, now::get);

    private void run(double load, long millis) {
        cpu = load;
        for (long end = now.get() + millis; now.get() < end; now.addAndGet(MachineLoad.SAMPLE_EVERY_MILLIS)) {
            machine.sample();
        }
    }

    @Test
    void anAttemptThatRanOnASaturatedMachineIsSeenAsSuch() {
        run(0.3, 10_000);
        long attemptStart = now.get();
        run(0.97, 5_000);

        assertThat(machine.saturatedSince(attemptStart)).isTrue();
        // averaged over the attempt's own time: the quiet minute before it does not dilute it
        assertThat(machine.saturatedSince(attemptStart - 10_000)).isFalse();
    }

    @Test
    void aBriefSpikeDoesNotSaturateAnAttempt() {
        long attemptStart = now.get();
        run(0.5, 4_000);
        run(1.0, 500);
        run(0.5, 1_000);

        assertThat(machine.saturatedSince(attemptStart)).isFalse();
    }

    @Test
    void anUnknownLoadOrNoSampleIsNeverSaturated() {
        long attemptStart = now.get();
        assertThat(machine.saturatedSince(attemptStart)).isFalse();
        run(-1, 5_000); // the JVM cannot read the load here
        assertThat(machine.saturatedSince(attemptStart)).isFalse();
    }

    @Test
    void onlyTheLastMinutesAreKept() {
        run(1.0, MachineLoad.SAMPLES * MachineLoad.SAMPLE_EVERY_MILLIS * 2);
        long attemptStart = now.get();
        run(0.2, 5_000);
        assertThat(machine.saturatedSince(attemptStart)).isFalse();
        assertThat(machine.saturatedSince(0)).isTrue();
    }
}
