package dev.livecheck.portal.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FrameRateLimiterTest {

    @Test
    void admitsUpToTheLimitWithinOneSecond() {
        FrameRateLimiter limiter = new FrameRateLimiter(3);
        assertThat(limiter.tryAcquire(1000)).isTrue();
        assertThat(limiter.tryAcquire(1100)).isTrue();
        assertThat(limiter.tryAcquire(1200)).isTrue();
        assertThat(limiter.tryAcquire(1300)).isFalse();
        assertThat(limiter.tryAcquire(1999)).isFalse();
    }

    @Test
    void theWindowSlidesWithTheOldestAdmittedFrame() {
        FrameRateLimiter limiter = new FrameRateLimiter(3);
        limiter.tryAcquire(1000);
        limiter.tryAcquire(1100);
        limiter.tryAcquire(1200);
        assertThat(limiter.tryAcquire(2000)).as("the frame at 1000 left the window").isTrue();
        assertThat(limiter.tryAcquire(2050)).as("1100 is still inside").isFalse();
        assertThat(limiter.tryAcquire(2100)).isTrue();
    }

    @Test
    void refusedFramesDoNotCountAgainstTheClient() {
        FrameRateLimiter limiter = new FrameRateLimiter(2);
        limiter.tryAcquire(0);
        limiter.tryAcquire(10);
        for (int t = 20; t < 1000; t += 5) {
            assertThat(limiter.tryAcquire(t)).isFalse();
        }
        assertThat(limiter.tryAcquire(1000)).isTrue();
    }

    @Test
    void aSteadyStreamAtTheAllowedRateIsNeverRefused() {
        FrameRateLimiter limiter = new FrameRateLimiter(CaptureLimits.MAX_FRAMES_PER_SECOND);
        for (long t = 0; t < 10_000; t += 1000 / CaptureLimits.FPS) {
            assertThat(limiter.tryAcquire(t)).isTrue();
        }
    }

    @Test
    void doubleTheAskedRateIsTheCeiling() {
        FrameRateLimiter limiter = new FrameRateLimiter(CaptureLimits.MAX_FRAMES_PER_SECOND);
        int admitted = 0;
        for (long t = 0; t < 1000; t += 10) {
            admitted += limiter.tryAcquire(t) ? 1 : 0;
        }
        assertThat(admitted).isEqualTo(2 * CaptureLimits.FPS);
    }

    @Test
    void aLimitBelowOneIsRefused() {
        assertThatThrownBy(() -> new FrameRateLimiter(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
