package dev.livecheck.core.cli;

import java.util.Arrays;

/** Latency samples in nanoseconds, summarised as nearest-rank percentiles in milliseconds. */
final class Latencies {

    private final long[] sortedNanos;

    Latencies(long[] nanos) {
        if (nanos.length == 0) {
            throw new IllegalArgumentException("no samples");
        }
        this.sortedNanos = nanos.clone();
        Arrays.sort(sortedNanos);
    }

    int count() {
        return sortedNanos.length;
    }

    /** @param p a percentile in (0, 100] */
    double percentileMillis(double p) {
        int rank = (int) Math.ceil(p / 100.0 * sortedNanos.length);
        return sortedNanos[Math.max(rank, 1) - 1] / 1e6;
    }

    double maxMillis() {
        return sortedNanos[sortedNanos.length - 1] / 1e6;
    }
}
