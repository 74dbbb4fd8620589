package dev.livecheck.portal.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A busy engine's frames are thinned, not cut: the kept ones span the whole wait. */
class WaitingFramesTest {

    private static List<Long> drain(WaitingFrames<Long> frames) {
        List<Long> kept = new ArrayList<>();
        for (WaitingFrames.Waiting<Long> w = frames.poll(); w != null; w = frames.poll()) {
            assertThat(w.item()).isEqualTo(w.arrivalMillis());
            kept.add(w.arrivalMillis());
        }
        return kept;
    }

    @Test
    void framesThatFitAreKeptInOrder() {
        WaitingFrames<Long> frames = new WaitingFrames<>(4);
        for (long t = 0; t < 400; t += 100) {
            assertThat(frames.add(t, t)).isFalse();
        }
        assertThat(drain(frames)).containsExactly(0L, 100L, 200L, 300L);
        assertThat(frames.isEmpty()).isTrue();
    }

    /**
     * Half a second of frames at 10 fps behind a busy engine: the oldest and the newest stay and the rest are spread
     * between them, so the 400 ms a lock needs is still there when the engine gets to them (dropping the oldest kept
     * only 300-600 ms).
     */
    @Test
    void aLongWaitKeepsItsStartItsEndAndEvenSpacing() {
        WaitingFrames<Long> frames = new WaitingFrames<>(4);
        int dropped = 0;
        for (long t = 0; t <= 600; t += 100) {
            dropped += frames.add(t, t) ? 1 : 0;
        }
        List<Long> kept = drain(frames);

        assertThat(dropped).isEqualTo(3);
        assertThat(kept).hasSize(4).startsWith(0L).endsWith(600L);
        assertThat(kept.get(kept.size() - 1) - kept.get(0)).isGreaterThanOrEqualTo(400);
        for (int i = 1; i < kept.size(); i++) {
            assertThat(kept.get(i) - kept.get(i - 1)).as("gap %d in %s", i, kept).isBetween(100L, 300L);
        }
    }

    @Test
    void theFrameBetweenTheClosestNeighboursGoes() {
        WaitingFrames<Long> frames = new WaitingFrames<>(3);
        frames.add(0L, 0);
        frames.add(300L, 300);
        frames.add(330L, 330);

        assertThat(frames.add(600L, 600)).isTrue();

        assertThat(drain(frames)).containsExactly(0L, 300L, 600L); // without 330: its neighbours were 300 apart
    }

    @Test
    void cleared() {
        WaitingFrames<Long> frames = new WaitingFrames<>(2);
        frames.add(1L, 1);
        frames.clear();
        assertThat(frames.poll()).isNull();
    }

    @Test
    void thinningNeedsRoomForTheOldestAndTheNewest() {
        assertThatThrownBy(() -> new WaitingFrames<Long>(1)).isInstanceOf(IllegalArgumentException.class);
    }
}
