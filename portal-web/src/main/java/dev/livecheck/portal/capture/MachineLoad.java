package dev.livecheck.portal.capture;

import java.lang.management.ManagementFactory;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;

/**
 * The whole machine's CPU load over the last minutes, sampled by the capture ticker: whether a failed attempt ran
 * while the machine was saturated. The frame budget keeps the engine within its share, but it cannot stop the rest of
 * the machine (a camera client on the same host, another service, a build) from starving the sockets and the engine
 * threads; a person whose frames then arrive late or sparse fails on time, not on what they did, and must not be
 * turned away for it ({@link ServerCut}). Thread-safe.
 */
final class MachineLoad {

    /** Mean CPU load over an attempt at or above which the machine had nothing to spare for it. */
    static final double SATURATED = 0.9;
    static final long SAMPLE_EVERY_MILLIS = 250;
    /** About two minutes of samples: longer than any attempt ({@code LivenessEngine.longestAttempt}, 48 s). */
    static final int SAMPLES = 512;

    private final DoubleSupplier cpuLoad;
    private final LongSupplier clock;
    private final long[] times = new long[SAMPLES];
    private final double[] loads = new double[SAMPLES];
    private int next;
    private int count;

    /** @param cpuLoad the machine's CPU load since the previous call, 0..1 (negative: not known) */
    MachineLoad(DoubleSupplier cpuLoad, LongSupplier clock) {
        this.cpuLoad = cpuLoad;
        this.clock = clock;
    }

    /** This machine's load as the JVM reports it (its container's, in a container); never saturated where unknown. */
    static MachineLoad ofThisMachine(LongSupplier clock) {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return new MachineLoad(os::getCpuLoad, clock);
        }
        return new MachineLoad(() -> -1, clock);
    }

    void watch(ScheduledExecutorService ticker) {
        ticker.scheduleAtFixedRate(this::sample, SAMPLE_EVERY_MILLIS, SAMPLE_EVERY_MILLIS, TimeUnit.MILLISECONDS);
    }

    void sample() {
        double load = cpuLoad.getAsDouble();
        if (load < 0 || Double.isNaN(load)) {
            return;
        }
        synchronized (this) {
            times[next] = clock.getAsLong();
            loads[next] = Math.min(1, load);
            next = (next + 1) % SAMPLES;
            count = Math.min(SAMPLES, count + 1);
        }
    }

    /** Whether the samples taken since {@code sinceMillis} (the ticker's clock) average {@link #SATURATED} or more. */
    synchronized boolean saturatedSince(long sinceMillis) {
        double sum = 0;
        int n = 0;
        for (int i = 0; i < count; i++) {
            int k = Math.floorMod(next - 1 - i, SAMPLES);
            if (times[k] < sinceMillis) {
                break;
            }
            sum += loads[k];
            n++;
        }
        return n > 0 && sum / n >= SATURATED;
    }
}
