package dev.livecheck.core.testkit;

import static dev.livecheck.core.attempt.Challenge.LOOK_UP;
import static dev.livecheck.core.attempt.Challenge.TURN_LEFT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.livecheck.core.attempt.AttemptEvent;
import dev.livecheck.core.attempt.Challenge;
import dev.livecheck.core.engine.LiveAttempt;
import dev.livecheck.core.engine.LivenessEngine;
import dev.livecheck.core.report.Recommendation;
import dev.livecheck.core.vision.FrameDecoder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A live performer answers the challenges an attempt asks, as they are asked: it is told nothing in advance, only
 * the attempt's {@code ChallengeIssued} events, and is sampled at 15 fps on the attempt's own clock.
 */
class LivePerformerTest {

    private static final long FRAME_MS = 1000 / 15;
    private static LivenessEngine engine;

    @BeforeAll
    static void start() {
        engine = LivenessEngine.withBundledModels();
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    @Test
    void answersTheChallengesAsTheyAreAskedAndIsApproved() throws Exception {
        LiveAttempt attempt = engine.startAttempt(List.of(TURN_LEFT, LOOK_UP));
        Run run = perform(attempt, 5);
        assertThat(run.asked).containsExactly(TURN_LEFT, LOOK_UP);
        assertThat(run.recommendation).isEqualTo(Recommendation.APPROVE);
    }

    @Test
    void answersChallengesDrawnByTheEnginesRandomPlanner() throws Exception {
        LiveAttempt attempt = engine.startAttempt(engine.drawChallenges(3));
        Run run = perform(attempt, 6);
        assertThat(run.asked).containsExactlyElementsOf(attempt.challenges());
        assertThat(run.recommendation).as("challenges %s", attempt.challenges()).isEqualTo(Recommendation.APPROVE);
    }

    @Test
    void theSameSeedIsTheSamePersonInTheSameScene() {
        try (LivePerformer a = new LivePerformer(9); LivePerformer b = new LivePerformer(9)) {
            assertThat(a.face()).isEqualTo(b.face());
            assertThat(a.pose(1234)).isEqualTo(b.pose(1234));
            a.perform(TURN_LEFT, 1000);
            assertThat(a.busy(1100)).isTrue();
            assertThat(a.pose(1900).yaw()).isGreaterThan(b.pose(1900).yaw() + 15);
            // a second action asked while the first is still held waits until the first has come to rest
            long second = a.perform(LOOK_UP, 1500);
            assertThat(second).isGreaterThan(1500);
            assertThat(a.busy(second - 1)).isTrue();
        }
    }

    private record Run(List<Challenge> asked, Recommendation recommendation) {
    }

    /** Feeds frames until the attempt is decided (or 40 s of stream time), reacting to each challenge issued. */
    private static Run perform(LiveAttempt attempt, long seed) throws Exception {
        List<Challenge> asked = new ArrayList<>();
        try (LivePerformer person = new LivePerformer(seed)) {
            for (long t = 0; t < 40_000; t += FRAME_MS) {
                LiveAttempt.Update update = attempt.onFrame(FrameDecoder.inspectFrame(person.frame(t), FrameDecoder.Limits.LIVE), t);
                for (AttemptEvent e : update.events()) {
                    if (e instanceof AttemptEvent.ChallengeIssued issued) {
                        asked.add(issued.action());
                        person.perform(issued.action(), t);
                    }
                }
                if (update.decided()) {
                    return new Run(asked, update.report().recommendation());
                }
            }
        }
        return new Run(asked, null);
    }
}
