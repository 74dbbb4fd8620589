package dev.livecheck.portal.capture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livecheck.core.engine.FrameBudget;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How the server sizes its frame budget from probes taken while the rest of the start-up shares the cores. */
class CaptureConfigurationTest {

    @Test
    void theLeastDisturbedProbeSizesTheBudget() {
        FrameBudget disturbed = new FrameBudget(2, 6, 7.92, 252, "JIT compiling beside it");
        FrameBudget quiet = new FrameBudget(2, 6, 6.44, 311, "quiet");
        FrameBudget middling = new FrameBudget(2, 6, 6.56, 305, "middling");
        assertThat(CaptureConfiguration.fastest(List.of(disturbed, quiet, middling))).isSameAs(quiet);
        assertThat(CaptureConfiguration.fastest(List.of(disturbed))).isSameAs(disturbed);
    }
}
