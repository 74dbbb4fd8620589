package dev.livecheck.core.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The screen-replay model's file format and arithmetic, and the bundled model's consistency with its cues. */
class ScreenReplayModelTest {

    @Test
    void theBundledModelLoadsAndUsesOnlyKnownCues() {
        ScreenReplayModel model = ScreenReplayModel.bundled();
        assertThat(model.terms()).isNotEmpty();
        assertThat(model.terms()).allSatisfy(t -> {
            assertThat(ScreenReplayCues.NAMES).contains(t.cue());
            assertThat(t.scale()).isPositive();
        });
        assertThat(model.threshold()).isStrictlyBetween(0.0, 1.0);
    }

    @Test
    void scoresRiseWithAPositivelyWeightedCueAndIgnoreUnmeasuredOnes() throws Exception {
        ScreenReplayModel model = ScreenReplayModel.parse(properties("""
                cues=spectral_peak,black_level
                bias=-1
                threshold=0.5
                spectral_peak.mean=1.4
                spectral_peak.scale=0.1
                spectral_peak.weight=2
                black_level.mean=20
                black_level.scale=10
                black_level.weight=1
                """));
        Map<String, Double> cues = new HashMap<>();
        cues.put("spectral_peak", 1.4);
        cues.put("black_level", Double.NaN);
        assertThat(model.probability(cues)).isCloseTo(1 / (1 + Math.exp(1)), org.assertj.core.data.Offset.offset(1e-9));
        cues.put("spectral_peak", 1.6);
        assertThat(model.probability(cues)).isCloseTo(1 / (1 + Math.exp(-3)), org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void aModelRoundTripsThroughItsFileFormat() throws Exception {
        ScreenReplayModel model = new ScreenReplayModel(0.25, 0.9,
                List.of(new ScreenReplayModel.Term("bezel_sides", 1.5, 0.75, -0.5)));
        ScreenReplayModel again = ScreenReplayModel.parse(properties(model.format("a test\nwith two lines")));
        assertThat(again.terms()).isEqualTo(model.terms());
        assertThat(again.threshold()).isEqualTo(0.9);
    }

    @Test
    void unknownCuesAndMissingNumbersAreRefusedByName() {
        assertThatThrownBy(() -> ScreenReplayModel.parse(properties("cues=moon_phase\nbias=0\nthreshold=0.5\n")))
                .hasMessageContaining("moon_phase");
        assertThatThrownBy(() -> ScreenReplayModel.parse(properties("cues=black_level\nbias=0\nthreshold=0.5\n")))
                .hasMessageContaining("black_level.mean");
    }

    private static Properties properties(String text) throws Exception {
        Properties p = new Properties();
        p.load(new StringReader(text));
        return p;
    }
}
