package dev.livecheck.core.checks;

import java.util.Arrays;
import java.util.List;

/** Small statistics helpers shared by the checks. */
final class Stats {

    private Stats() {
    }

    static double median(List<Double> values) {
        return quantile(values, 0.5);
    }

    static double quantile(List<Double> values, double q) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(v);
        int i = (int) Math.round(q * (v.length - 1));
        return v[Math.max(0, Math.min(v.length - 1, i))];
    }

    /** Rounds for reports: three decimals are plenty for every measured value. */
    static double round(double v) {
        return Double.isFinite(v) ? Math.round(v * 1000) / 1000.0 : v;
    }
}
