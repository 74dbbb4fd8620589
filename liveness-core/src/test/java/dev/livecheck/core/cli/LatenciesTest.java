package dev.livecheck.core.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LatenciesTest {

    @Test
    void nearestRankPercentilesInMillis() {
        long[] nanos = new long[100];
        for (int i = 0; i < nanos.length; i++) {
            nanos[i] = (100 - i) * 1_000_000L; // 100 ms .. 1 ms, unsorted on purpose
        }
        Latencies latencies = new Latencies(nanos);

        assertThat(latencies.count()).isEqualTo(100);
        assertThat(latencies.percentileMillis(50)).isEqualTo(50.0);
        assertThat(latencies.percentileMillis(95)).isEqualTo(95.0);
        assertThat(latencies.percentileMillis(99)).isEqualTo(99.0);
        assertThat(latencies.maxMillis()).isEqualTo(100.0);
    }

    @Test
    void oneSampleIsEveryPercentile() {
        Latencies latencies = new Latencies(new long[] {2_500_000});

        assertThat(latencies.percentileMillis(50)).isEqualTo(2.5);
        assertThat(latencies.percentileMillis(99)).isEqualTo(2.5);
    }

    @Test
    void noSamplesIsAnError() {
        assertThatThrownBy(() -> new Latencies(new long[0])).isInstanceOf(IllegalArgumentException.class);
    }
}
