package dev.livecheck.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livecheck.core.recording.TestRecordings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the shaded {@code liveness-cli.jar} as users do, in its own JVM: catches
 * what unit tests cannot, such as a missing main class, stripped JavaCPP natives
 * or signature files that make the JVM refuse the jar.
 */
class LivenessCliJarIT {

    @TempDir
    Path dir;

    @Test
    void shadedJarEvaluatesRecordings() throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty("cli.jar", "target/liveness-cli.jar"));
        assertThat(jar).isRegularFile();
        TestRecordings.write(dir.resolve("a"), 3);
        TestRecordings.write(dir.resolve("b"), 3);
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();

        Process process = new ProcessBuilder(java, "-jar", jar.toString(), "evaluate", dir.toString())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();

        assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("finished in time").isTrue();
        assertThat(process.exitValue()).as(Files.readString(err)).isZero();
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).startsWith("{\"recording\":\"a\",\"recommendation\":");
        assertThat(lines.get(1)).startsWith("{\"recording\":\"b\",\"recommendation\":");
    }
}
