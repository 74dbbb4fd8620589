package dev.livecheck.portal.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livecheck.core.attempt.Challenge;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The clip player alone, on clips whose frames say which clip and frame they are: it plays by time at whatever rate
 * it is asked, and chains a challenge's clip after the rest clip in progress.
 */
class ClipPlayerTest {

    private static final double FPS = 15;
    private static final int REST_A = 1;
    private static final int REST_B = 2;
    private static final int TURN = 3;
    private static final long TURN_MILLIS = 2000;

    /** A frame of the fake library: which clip, which frame of it. */
    private record Shown(int clip, int index) {
        long time() {
            return Math.round(index * 1000 / FPS);
        }
    }

    @Test
    void atTheFullRateEveryFrameOfEveryClipIsShownInOrder() {
        ClipLibrary.Player player = player();
        List<Shown> shown = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            shown.add(show(player.frame(Math.round(1000 + i * 1000 / FPS), null)));
        }
        // 600 ms rest clips of 9 frames (0..533 ms), alternating
        for (int i = 0; i < 30; i++) {
            assertThat(shown.get(i)).isEqualTo(new Shown(i / 9 % 2 == 0 ? REST_A : REST_B, i % 9));
        }
    }

    @Test
    void aLowerToldRateSamplesTheClipsEvenlyByTime() {
        ClipLibrary.Player player = player();
        long origin = 5_000;
        player.frame(origin, null);
        player.challengeAsked(Challenge.TURN_LEFT, origin + 50);
        List<Shown> shown = new ArrayList<>();
        List<Long> elapsed = new ArrayList<>();
        for (long t = origin; t < origin + 3000; t += 100) { // told 10 fps
            Challenge pending = t >= origin + 50 && t < origin + 1500 ? Challenge.TURN_LEFT : null;
            shown.add(show(player.frame(t, pending)));
            elapsed.add(t - origin);
        }
        assertThat(shown).hasSize(30);
        // every frame is the one nearest the time elapsed in its clip: rest until 600 ms, the turn until 2600 ms
        for (int i = 0; i < shown.size(); i++) {
            long e = elapsed.get(i);
            Shown s = shown.get(i);
            long inClip = e < 600 ? e : e < 2600 ? e - 600 : (e - 2600) % 600;
            assertThat(s.clip()).as("at %d ms", e).isEqualTo(e < 600 ? REST_A : e < 2600 ? TURN
                    : (e - 2600) / 600 % 2 == 0 ? REST_B : REST_A);
            assertThat(Math.abs(s.time() - inClip)).as("at %d ms", e).isLessThanOrEqualTo(Math.round(500 / FPS));
        }
        // within the turn, 10 of its 15 frames a second, none twice, steps of one or two frames
        List<Integer> turn = shown.stream().filter(s -> s.clip() == TURN).map(Shown::index).toList();
        assertThat(turn).hasSize(20).doesNotHaveDuplicates().isSorted();
        for (int i = 1; i < turn.size(); i++) {
            assertThat(turn.get(i) - turn.get(i - 1)).isBetween(1, 2);
        }
        assertThat(player.repeats()).isZero();
    }

    @Test
    void aChallengeNotConfirmedByTheEndOfItsClipIsPerformedAgain() {
        ClipLibrary.Player player = player();
        player.frame(0, null);
        player.challengeAsked(Challenge.TURN_LEFT, 100);
        assertThat(show(player.frame(400, Challenge.TURN_LEFT)).clip()).isEqualTo(REST_A);
        assertThat(show(player.frame(700, Challenge.TURN_LEFT))).isEqualTo(new Shown(TURN, 2));
        assertThat(show(player.frame(2700, Challenge.TURN_LEFT))).isEqualTo(new Shown(TURN, 2));
        assertThat(player.repeats()).isEqualTo(1);
        // confirmed during the second performance: back to rest when it ends
        assertThat(show(player.frame(4700, null)).clip()).isEqualTo(REST_B);
        assertThat(player.repeats()).isEqualTo(1);
    }

    @Test
    void afterALongPauseItStartsAgainAtRest() {
        ClipLibrary.Player player = player();
        player.frame(0, null);
        assertThat(show(player.frame(60_000, null))).isEqualTo(new Shown(REST_B, 0));
    }

    @Test
    void framesAreViewsOfTheSameBytes() {
        ClipLibrary.Player player = player();
        ByteBuffer a = player.frame(0, null);
        a.get(new byte[a.remaining()]); // a sender consumes it
        ByteBuffer b = player.frame(10, null);
        assertThat(b.remaining()).isEqualTo(2);
        assertThat(show(b)).isEqualTo(new Shown(REST_A, 0));
    }

    @Test
    void aRecordedReplayPlaysItsRecordingStraightThroughWhateverIsAsked() {
        ClipLibrary.RecordedReplay replay = (ClipLibrary.RecordedReplay) library()
                .recordedReplay(0, List.of(Challenge.TURN_LEFT, Challenge.LOOK_UP));
        long origin = 10_000;
        replay.challengeAsked(Challenge.MOVE_CLOSER, origin);
        Map<Long, Shown> shown = new java.util.HashMap<>();
        Map<Long, Challenge> playing = new java.util.HashMap<>();
        for (long e = 0; e <= 7100; e += 50) { // 20 fps, told MOVE_CLOSER all along
            shown.put(e, show(replay.frame(origin + e, Challenge.MOVE_CLOSER)));
            playing.put(e, replay.playing());
        }
        // frontal 1.2 s, the turn's 2 s, rest 0.6 s, the nod's 2 s, rest 0.6 s: 6.4 s, then at rest
        assertThat(shown.get(700L).clip()).isEqualTo(REST_B);
        assertThat(shown.get(1300L)).isEqualTo(new Shown(TURN, 2));
        assertThat(playing.get(1300L)).isEqualTo(Challenge.TURN_LEFT);
        assertThat(shown.get(3300L).clip()).isEqualTo(REST_A);
        assertThat(playing.get(3900L)).isEqualTo(Challenge.LOOK_UP);
        assertThat(shown.get(6000L).clip()).isEqualTo(REST_A);
        assertThat(shown.get(6450L)).isEqualTo(new Shown(REST_B, 1));
        assertThat(shown.get(7050L)).isEqualTo(new Shown(REST_A, 1));
        assertThat(playing.values()).doesNotContain(Challenge.MOVE_CLOSER);
        // a new attempt (frames stopped for more than a second) starts the recording from its first frame
        assertThat(show(replay.frame(origin + 9000, null))).isEqualTo(new Shown(REST_A, 0));
        assertThat(replay.repeats()).isZero();
    }

    @Test
    void aHeldReplaySendsItsFirstImageUntilAskedThenPlaysItsRecordingFromTheStart() {
        ClipLibrary.HeldReplay replay = (ClipLibrary.HeldReplay) library()
                .heldReplay(0, List.of(Challenge.TURN_LEFT, Challenge.LOOK_UP));
        long origin = 10_000;
        ByteBuffer first = replay.frame(origin, null);
        for (long e = 50; e <= 3000; e += 50) {
            assertThat(replay.frame(origin + e, null)).as("the same bytes at %d ms", e).isEqualTo(first);
        }
        assertThat(replay.holding()).isTrue();
        long asked = origin + 3000;
        replay.challengeAsked(Challenge.TURN_LEFT, asked);
        assertThat(replay.holding()).isFalse();
        // from the start: frontal 1.2 s, then the turn
        assertThat(show(replay.frame(asked + 50, Challenge.TURN_LEFT))).isEqualTo(new Shown(REST_A, 0));
        for (long e = 100; e < 1350; e += 50) {
            replay.frame(asked + e, Challenge.TURN_LEFT);
        }
        assertThat(show(replay.frame(asked + 1350, Challenge.TURN_LEFT))).isEqualTo(new Shown(TURN, 2));
        // a new attempt holds again
        assertThat(replay.frame(asked + 5000, null)).isEqualTo(first);
        assertThat(replay.holding()).isTrue();
    }

    private static ClipLibrary.Player player() {
        return library().player(0);
    }

    private static ClipLibrary library() {
        Map<Challenge, ClipLibrary.Reel> challenges = new EnumMap<>(Challenge.class);
        for (Challenge c : Challenge.values()) {
            challenges.put(c, reel(c, TURN, TURN_MILLIS));
        }
        ClipLibrary.Identity identity = new ClipLibrary.Identity("fake",
                List.of(reel(null, REST_A, ClipLibrary.REST_PORTION_MILLIS),
                        reel(null, REST_B, ClipLibrary.REST_PORTION_MILLIS)), challenges);
        return new ClipLibrary(List.of(identity), 0);
    }

    private static ClipLibrary.Reel reel(Challenge challenge, int tag, long millis) {
        int n = (int) Math.ceil(millis * FPS / 1000);
        ByteBuffer[] frames = new ByteBuffer[n];
        for (int i = 0; i < n; i++) {
            frames[i] = ByteBuffer.wrap(new byte[] {(byte) tag, (byte) i}).asReadOnlyBuffer();
        }
        return new ClipLibrary.Reel(challenge, FPS, millis, frames);
    }

    private static Shown show(ByteBuffer frame) {
        ByteBuffer view = frame.duplicate();
        return new Shown(view.get(), view.get());
    }
}
