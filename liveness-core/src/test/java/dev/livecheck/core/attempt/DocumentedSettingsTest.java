package dev.livecheck.core.attempt;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/architecture.md describes one attempt with the default thresholds' numbers; they are read back from the
 * document and compared with {@link AttemptSettings#defaults()}, so a changed default fails here until the text
 * says the same.
 */
class DocumentedSettingsTest {

    private static final Path ARCHITECTURE = Path.of("..", "docs", "architecture.md");

    @Test
    void architectureDocumentStatesTheDefaultThresholds() throws IOException {
        String text = Files.readString(ARCHITECTURE).replaceAll("\\s+", " ");
        AttemptSettings defaults = AttemptSettings.defaults();

        Matcher lock = find(text, "and frontal for (\\d+) ms");
        assertThat(Long.parseLong(lock.group(1))).as("lock time").isEqualTo(defaults.lockMillis());

        Matcher challenge = find(text, "relative to the baseline \\(yaw \\+-(\\d+(?:\\.\\d+)?) deg, pitch "
                + "\\+-(\\d+(?:\\.\\d+)?) deg, distance ratio (\\d+(?:\\.\\d+)?)\\) held (\\d+) ms, within (\\d+) s");
        assertThat(Double.parseDouble(challenge.group(1))).as("turn").isEqualTo(defaults.turnDegrees());
        assertThat(Double.parseDouble(challenge.group(2))).as("nod").isEqualTo(defaults.nodDegrees());
        assertThat(Double.parseDouble(challenge.group(3))).as("closer").isEqualTo(defaults.closerRatio());
        assertThat(Long.parseLong(challenge.group(4))).as("hold").isEqualTo(defaults.holdMillis());
        assertThat(Long.parseLong(challenge.group(5)) * 1000).as("challenge timeout")
                .isEqualTo(defaults.challengeTimeoutMillis());
    }

    private static Matcher find(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as("docs/architecture.md states /%s/", regex).isTrue();
        return m;
    }
}
