package dev.livecheck.core.accuracy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livecheck.core.accuracy.CorpusEvaluation.Outcome;
import dev.livecheck.core.testkit.CorpusGenerator;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The build's accuracy gate: a fixed-seed corpus rendered by the test kit
 * (30 bona fide, 4 per attack species) judged by the real engine. No print,
 * mismatched replay, identity splice, empty scene or second face may be approved, at most
 * one screen replay, and at most 5 % of bona fide attempts may be turned away. The full
 * measurement (400 bona fide, 100 per species) is in docs/accuracy.md.
 */
class AccuracyGateTest {

    private static final int BONA_FIDE = 30;
    /** Of the corpus's 4 screen replays; issue 9 targets at most 1 in 40 on the hidden corpus. */
    private static final int MAX_SCREEN_REPLAYS_APPROVED = 1;
    private static List<Outcome> outcomes;
    private static AccuracyTable table;

    @BeforeAll
    static void judgeCorpus(@TempDir Path corpus) throws Exception {
        CorpusGenerator.main(new String[] {"--out", corpus.toString(), "--seed", "4242",
            "--bona-fide", String.valueOf(BONA_FIDE), "--per-attack", "4"});
        outcomes = CorpusEvaluation.evaluate(corpus, Runtime.getRuntime().availableProcessors());
        table = new AccuracyTable(outcomes);
        System.out.println(table.markdown());
    }

    @Test
    void theCorpusHasEverySpecies() {
        assertThat(table.rows()).extracting(AccuracyTable.Row::species).containsExactlyInAnyOrder(
                "BONA_FIDE", "PRINT_STATIC", "PRINT_MOVED", "SCREEN_REPLAY", "REPLAY_MISMATCHED", "SPLICE",
                "NO_FACE", "TWO_FACES");
        assertThat(table.row("BONA_FIDE").total()).isEqualTo(BONA_FIDE);
    }

    @Test
    void noPrintReplayEmptySceneOrSecondFaceIsApproved() {
        for (String species : List.of("PRINT_STATIC", "PRINT_MOVED", "REPLAY_MISMATCHED", "NO_FACE", "TWO_FACES")) {
            assertThat(outcomes).filteredOn(o -> o.species().equals(species))
                    .as("approved %s recordings", species)
                    .noneMatch(Outcome::approved);
        }
    }

    @Test
    void noIdentitySpliceIsApproved() {
        assertThat(outcomes).filteredOn(o -> o.species().equals("SPLICE"))
                .as("approved SPLICE recordings (the face-recognition embedding must see the switch)")
                .isNotEmpty().noneMatch(Outcome::approved);
    }

    @Test
    void atMostOneScreenReplayIsApproved() {
        assertThat(outcomes).filteredOn(o -> o.species().equals("SCREEN_REPLAY"))
                .as("approved SCREEN_REPLAY recordings (the presentation check's screen-replay cues must see them)")
                .isNotEmpty().filteredOn(Outcome::approved).hasSizeLessThanOrEqualTo(MAX_SCREEN_REPLAYS_APPROVED);
    }

    @Test
    void bonaFideClassificationErrorRateIsAtMostFivePercent() {
        assertThat(table.row("BONA_FIDE").errorRate()).isLessThanOrEqualTo(0.05);
    }

    @Test
    void everyApprovedAttemptKeepsThreeImagesAndPassesEveryCheck() {
        assertThat(outcomes).filteredOn(Outcome::approved).isNotEmpty().allSatisfy(o -> {
            assertThat(o.report().images()).hasSize(3);
            assertThat(o.report().subChecks()).allMatch(s -> s.passed());
        });
    }
}
