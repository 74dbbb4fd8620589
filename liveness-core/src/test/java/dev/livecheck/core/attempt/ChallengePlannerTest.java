package dev.livecheck.core.attempt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChallengePlannerTest {

    private final ChallengePlanner planner = new ChallengePlanner();

    @Test
    void plansTwoOrThreeChallengesWithoutImmediateRepeats() {
        for (int i = 0; i < 500; i++) {
            List<Challenge> plan = planner.plan(2 + i % 2);
            assertThat(plan).hasSize(2 + i % 2);
            for (int k = 1; k < plan.size(); k++) {
                assertThat(plan.get(k)).isNotEqualTo(plan.get(k - 1));
            }
        }
    }

    @Test
    void everyPlanContainsAHeadRotationForTheStructureCheck() {
        for (int i = 0; i < 500; i++) {
            assertThat(planner.plan(2)).anyMatch(c -> c != Challenge.MOVE_CLOSER);
        }
    }

    @Test
    void ordersAreUnpredictable() {
        Set<List<Challenge>> seen = new HashSet<>();
        for (int i = 0; i < 300; i++) {
            seen.add(planner.plan(3));
        }
        // 5 * 4 * 4 = 80 possible orders; 300 draws from SecureRandom see most of them
        assertThat(seen).hasSizeGreaterThan(50);
    }

    @Test
    void refusesCountsOutsideTwoToThree() {
        assertThatThrownBy(() -> planner.plan(1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> planner.plan(4)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void pausesAreDrawnForEveryChallengeWithinTheirRangesAndVary() {
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            List<Long> pauses = planner.pauses(3);
            assertThat(pauses).hasSize(3);
            assertThat(pauses.get(0)).isBetween(ChallengePlanner.FIRST_PAUSE_MIN_MILLIS,
                    ChallengePlanner.FIRST_PAUSE_MAX_MILLIS);
            assertThat(pauses.subList(1, 3)).allSatisfy(p -> assertThat(p)
                    .isBetween(ChallengePlanner.LATER_PAUSE_MIN_MILLIS, ChallengePlanner.LATER_PAUSE_MAX_MILLIS));
            seen.addAll(pauses);
        }
        assertThat(seen).hasSizeGreaterThan(300);
    }

    @Test
    void aPlannerWithAScriptedRandomSourceAsksAtOnceAsPreRenderedRecordingsExpect() {
        ChallengePlanner scripted = new ChallengePlanner(new java.util.SplittableRandom(7));
        assertThat(scripted.pauses(2)).containsExactly(0L, 0L);
        assertThat(new ChallengePlanner(new java.util.SplittableRandom(7), true).pauses(2)).doesNotContain(0L);
    }
}
