package dev.livecheck.core.vision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The bezel test on intensity profiles across an edge: the edge at offset 0, the band beside it. */
class BezelBandTest {

    @Test
    void aDarkEvenBandAsWideAsABezelBetweenTwoBrighterScenes() {
        assertThat(BezelBand.bandOn(profile(150, 25, 5, 140), 1)).isTrue();
        assertThat(BezelBand.bandOn(profile(150, 25, BezelBand.MIN_WIDTH, 140), 1)).isTrue();
        assertThat(BezelBand.bandOn(profile(150, 25, BezelBand.MAX_WIDTH, 140), 1)).isTrue();
        // the same band read from its other edge is on the other side
        assertThat(BezelBand.bandOn(reversed(profile(150, 25, 5, 140)), -1)).isTrue();
    }

    @Test
    void notABezel() {
        assertThat(BezelBand.bandOn(profile(150, 25, BezelBand.REACH, 140), 1)).as("a door: too wide").isFalse();
        assertThat(BezelBand.bandOn(profile(150, 95, 5, 160), 1)).as("grey, not black").isFalse();
        assertThat(BezelBand.bandOn(profile(60, 40, 5, 140), 1)).as("hardly darker than one side").isFalse();
        assertThat(BezelBand.bandOn(profile(150, 230, 5, 140), 1)).as("a light joint").isFalse();
        double[] uneven = profile(150, 25, 6, 140);
        uneven[BezelBand.REACH + 3] = 70;
        assertThat(BezelBand.bandOn(uneven, 1)).as("uneven across its width").isFalse();
    }

    /** {@code before} on the negative side, then a band of {@code width} at 1..width, then {@code beyond}. */
    private static double[] profile(double before, double band, int width, double beyond) {
        double[] p = new double[2 * BezelBand.REACH + 1];
        Arrays.fill(p, 0, BezelBand.REACH + 1, before);
        Arrays.fill(p, BezelBand.REACH + 1, BezelBand.REACH + 1 + width, band);
        Arrays.fill(p, BezelBand.REACH + 1 + width, p.length, beyond);
        return p;
    }

    private static double[] reversed(double[] p) {
        double[] r = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            r[i] = p[p.length - 1 - i];
        }
        return r;
    }
}
