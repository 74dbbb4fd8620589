package dev.livecheck.portal.capture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livecheck.core.attempt.ChallengePlanner;
import dev.livecheck.core.engine.FrameBudget;
import dev.livecheck.core.engine.LivenessEngine;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How the server sizes its frame budget from probes taken while other work may share the cores. */
class FrameBudgetProbeTest {

    @Test
    void theLeastDisturbedProbeSizesTheBudget() {
        FrameBudget disturbed = new FrameBudget(2, 6, 7.92, 252, "JIT compiling beside it");
        FrameBudget quiet = new FrameBudget(2, 6, 6.44, 311, "quiet");
        FrameBudget middling = new FrameBudget(2, 6, 6.56, 305, "middling");
        assertThat(FrameBudgetProbe.fastest(List.of(disturbed, quiet, middling))).isSameAs(quiet);
        assertThat(FrameBudgetProbe.fastest(List.of(disturbed))).isSameAs(disturbed);
    }

    @Test
    void anIdleServerProbesItsEngineAgainAndKeepsTheFasterBudget() throws Exception {
        try (LivenessEngine engine = LivenessEngine.withBundledModels(new ChallengePlanner(), 1).warmUp()) {
            // as if the start-up probe had been slowed to the floor by something else on the machine
            CaptureLoad load = new CaptureLoad(CaptureLoad.FLOOR_FPS, 60_000, System::currentTimeMillis,
                    new CaptureMetrics(new SimpleMeterRegistry()), new MachineLoad(() -> -1, System::currentTimeMillis));
            CaptureLoadTest.Client someone = new CaptureLoadTest.Client();
            load.admit(someone);
            FrameBudgetProbe.reprobeWhenIdle(engine, load);
            assertThat(load.budget()).as("not while someone captures").isEqualTo(CaptureLoad.FLOOR_FPS);

            load.release(someone);
            FrameBudgetProbe.reprobeWhenIdle(engine, load);
            // any machine that runs the engine measures more than the floor; how much more depends on the machine and
            // on what else it runs (a loaded 2-core VM read exactly 10 x the floor once), so that is not asserted here
            assertThat(load.budget()).as("the probe again replaced the slowed figure").isGreaterThan(
                    CaptureLoad.FLOOR_FPS);
        }
    }
}
