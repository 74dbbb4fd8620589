package dev.livecheck.portal.loadtest;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server's side of a load run, read from its Prometheus text ({@code /actuator/prometheus}, when the operator
 * exposed it): frames the engine analysed, the server process's CPU time and its heap (sampled every second during
 * the run, the peak kept). Absent metrics read as -1, and the report prints "-".
 */
final class ServerMetrics {

    /** One reading of the figures the report needs. */
    record Snapshot(double framesAnalysed, double cpuSeconds, double heapBytes, double busy) {
    }

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*\\})?\\s+(\\S+)$",
            Pattern.MULTILINE);

    private final Supplier<String> scrape;
    private final AtomicLong peakHeap = new AtomicLong(-1);
    private ScheduledFuture<?> sampling;

    ServerMetrics(Supplier<String> scrape) {
        this.scrape = scrape;
    }

    Snapshot read() {
        String text;
        try {
            text = scrape.get();
        } catch (RuntimeException e) {
            text = null;
        }
        if (text == null) {
            return new Snapshot(-1, -1, -1, -1);
        }
        Snapshot s = parse(text);
        peakHeap.accumulateAndGet((long) s.heapBytes(), Math::max);
        return s;
    }

    void sampleHeap(ScheduledExecutorService scheduler) {
        sampling = scheduler.scheduleAtFixedRate(this::read, 1, 1, TimeUnit.SECONDS);
    }

    long peakHeapBytes() {
        if (sampling != null) {
            sampling.cancel(false);
        }
        return peakHeap.get();
    }

    static Snapshot parse(String text) {
        double analysed = -1;
        double cpu = -1;
        double heap = -1;
        double busy = -1;
        Matcher m = SAMPLE.matcher(text);
        while (m.find()) {
            String name = m.group(1);
            String labels = m.group(2) == null ? "" : m.group(2);
            double value = Double.parseDouble(m.group(3));
            if (name.equals("livecheck_capture_frames_analysed_total")) {
                analysed = value;
            } else if (name.equals("process_cpu_time_ns_total")) {
                cpu = value / 1e9;
            } else if (name.equals("jvm_memory_used_bytes") && labels.contains("area=\"heap\"")) {
                heap = Math.max(0, heap) + value;
            } else if (name.equals("livecheck_capture_busy_total")) {
                busy = value;
            }
        }
        return new Snapshot(analysed, cpu, heap, busy);
    }
}
