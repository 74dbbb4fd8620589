package dev.livecheck.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FrameSamplerTest {

    @Test
    void aClientSendingFasterThanItsShareLosesFramesEvenlyNotInBursts() {
        FrameSampler sampler = new FrameSampler(10);
        List<Long> kept = new ArrayList<>();
        for (long t = 0; t < 3_000; t += 33) { // 30 frames/s offered, 10 asked
            if (sampler.keep(t)) {
                kept.add(t);
            }
        }
        assertThat(kept).hasSizeBetween(29, 31);
        for (int i = 1; i < kept.size(); i++) {
            assertThat(kept.get(i) - kept.get(i - 1)).isBetween(75L, 133L);
        }
    }

    @Test
    void aClientThatObeysTheRateWithJitterKeepsEveryFrame() {
        FrameSampler sampler = new FrameSampler(6);
        Random jitter = new Random(3);
        int kept = 0;
        int sent = 0;
        for (long t = 0; t < 5_000; t += 167) {
            sent++;
            kept += sampler.keep(t + jitter.nextInt(30) - 15) ? 1 : 0;
        }
        assertThat(kept).isEqualTo(sent);
    }

    @Test
    void aNewRateAppliesToTheNextFrame() {
        FrameSampler sampler = new FrameSampler(15);
        assertThat(sampler.keep(0)).isTrue();
        assertThat(sampler.keep(60)).isTrue();
        sampler.rate(6);
        assertThat(sampler.keep(120)).isFalse();
        assertThat(sampler.keep(190)).isTrue();
    }
}
