package dev.livecheck.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livecheck.core.attempt.Challenge;
import dev.livecheck.core.engine.FrameSampler;
import dev.livecheck.core.recording.RecordedFrame;
import dev.livecheck.core.recording.Recording;
import dev.livecheck.core.recording.TestRecordings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class LivenessCliTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dir;

    /** What one CLI run left behind. */
    private record Run(int exitCode, String out, String err) {

        List<JsonNode> lines() {
            return out.lines().map(JSON::readTree).toList();
        }
    }

    private static Run cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = LivenessCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void noArgumentsPrintsUsage() {
        Run run = cli();

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("no command given", "usage:");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void unknownCommandPrintsUsage() {
        Run run = cli("judge", dir.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("unknown command 'judge'", "usage:");
    }

    @Test
    void missingDirIsNamed() {
        Path missing = dir.resolve("no-such-folder");

        Run run = cli("evaluate", missing.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains(missing.toString(), "not a directory");
    }

    @Test
    void badOptionsAreRefused() {
        assertThat(cli("evaluate").err()).contains("needs a DIR");
        assertThat(cli("evaluate", dir.toString(), "--threads", "0").err()).contains("--threads needs a positive");
        assertThat(cli("evaluate", dir.toString(), "--threads", "many").err()).contains("'many'");
        assertThat(cli("evaluate", dir.toString(), "--threads").err()).contains("--threads needs a number");
        assertThat(cli("evaluate", dir.toString(), "--json").err()).contains("does not know the option --json");
        assertThat(cli("bench", dir.toString(), "--details").err()).contains("does not know the option --details");
        assertThat(cli("evaluate", dir.toString(), dir.toString()).err()).contains("takes one DIR");
        assertThat(cli("bench", dir.toString(), "--max-frames", "-3").exitCode()).isEqualTo(2);
    }

    @Test
    void evaluatePrintsOneLinePerRecordingInNameOrder() {
        for (String name : List.of("c-third", "a-first", "b-second")) {
            TestRecordings.write(dir.resolve(name), 4);
        }

        Run run = cli("evaluate", dir.toString(), "--threads", "3");

        assertThat(run.exitCode()).isEqualTo(0);
        List<JsonNode> lines = run.lines();
        assertThat(lines).extracting(l -> l.get("recording").asString())
                .containsExactly("a-first", "b-second", "c-third");
        for (JsonNode line : lines) {
            assertThat(keys(line)).containsExactly("recording", "recommendation", "liveness_auth", "reason", "millis");
            assertThat(line.get("recommendation").asString()).isIn("APPROVE", "REJECT", "NOT_AVAILABLE");
            assertThat(line.get("liveness_auth").asString()).isIn("PASS", "FAIL");
            assertThat(line.get("reason").isNull() || line.get("reason").isString()).isTrue();
            assertThat(line.get("millis").isIntegralNumber()).isTrue();
            assertThat(line.get("millis").asLong()).isNotNegative();
        }
    }

    @Test
    void evaluateAtAFrameRateJudgesOnlyTheFramesAServerAtThatRateKeeps() {
        List<RecordedFrame> frames = new ArrayList<>();
        for (long t = 0; t < 3_000; t += 66) { // 15 fps
            frames.add(new RecordedFrame("f" + t + ".jpg", t, new byte[] {1}));
        }
        Recording fifteen = new Recording("r", List.of(Challenge.TURN_LEFT), frames);

        List<RecordedFrame> six = FrameSampler.keptFrom(fifteen, 6).frames();

        assertThat(FrameSampler.keptFrom(fifteen, 0)).isSameAs(fifteen);
        // 66 ms apart, every other frame is at least three quarters of 167 ms after the last one kept: 7.5 a second
        assertThat(six).hasSizeBetween(22, 24);
        for (int i = 1; i < six.size(); i++) {
            assertThat(six.get(i).t() - six.get(i - 1).t()).isBetween(125L, 200L);
        }
        TestRecordings.write(dir.resolve("a"), 4);
        Run run = cli("evaluate", dir.toString(), "--fps", "6");
        assertThat(run.exitCode()).isEqualTo(0);
        assertThat(run.lines()).hasSize(1);
        assertThat(cli("evaluate", dir.toString(), "--fps", "0").err()).contains("--fps needs a positive");
    }

    @Test
    void brokenRecordingGetsItsOwnLineAndTheRunGoesOn() throws IOException {
        TestRecordings.write(dir.resolve("1-good"), 3);
        Files.createDirectories(dir.resolve("2-broken"));
        TestRecordings.write(dir.resolve("3-good"), 3);
        Files.writeString(TestRecordings.write(dir.resolve("4-bad-json"), 1).resolve("capture.json"), "{");

        Run run = cli("evaluate", dir.toString(), "--threads", "2");

        assertThat(run.exitCode()).isEqualTo(1);
        List<JsonNode> lines = run.lines();
        assertThat(lines).extracting(l -> l.get("recording").asString())
                .containsExactly("1-good", "2-broken", "3-good", "4-bad-json");
        JsonNode broken = lines.get(1);
        assertThat(keys(broken))
                .containsExactly("recording", "recommendation", "liveness_auth", "reason", "millis", "message");
        assertThat(broken.get("recommendation").asString()).isEqualTo("NOT_AVAILABLE");
        assertThat(broken.get("liveness_auth").asString()).isEqualTo("FAIL");
        assertThat(broken.get("reason").asString()).isEqualTo("BAD_RECORDING");
        assertThat(broken.get("message").asString()).contains("2-broken", "capture.json");
        assertThat(lines.get(3).get("message").asString()).contains("4-bad-json", "not valid JSON");
        assertThat(lines.get(2).has("message")).isFalse();
    }

    @Test
    void detailsAddTheSubChecks() {
        TestRecordings.write(dir.resolve("only"), 3);

        Run run = cli("evaluate", dir.toString(), "--details");

        assertThat(run.exitCode()).isEqualTo(0);
        JsonNode subChecks = run.lines().get(0).get("sub_checks");
        assertThat(subChecks.isArray()).isTrue();
        for (JsonNode check : subChecks) {
            assertThat(keys(check)).containsExactly("name", "outcome", "reason", "details");
        }
    }

    @Test
    void filesAndHiddenFoldersAreNotRecordings() throws IOException {
        TestRecordings.write(dir.resolve("real"), 2);
        Files.createDirectories(dir.resolve(".cache"));
        Files.writeString(dir.resolve("notes.txt"), "not a recording");

        Run run = cli("evaluate", dir.toString());

        assertThat(run.exitCode()).isEqualTo(0);
        assertThat(run.lines()).extracting(l -> l.get("recording").asString()).containsExactly("real");
    }

    @Test
    void emptyDirPrintsNothingAndSucceeds() {
        Run run = cli("evaluate", dir.toString());

        assertThat(run.exitCode()).isEqualTo(0);
        assertThat(run.out()).isEmpty();
    }

    @Test
    void benchReportsLatenciesAsJson() {
        TestRecordings.write(dir.resolve("a"), 4);
        TestRecordings.write(dir.resolve("b"), 4);

        Run run = cli("bench", dir.toString(), "--threads", "2", "--max-frames", "6", "--json");

        assertThat(run.exitCode()).isEqualTo(0);
        JsonNode result = JSON.readTree(run.out());
        assertThat(result.get("frames").asInt()).isEqualTo(6);
        assertThat(result.get("recordings").asInt()).isEqualTo(2);
        assertThat(result.get("single_thread").get("threads").asInt()).isEqualTo(1);
        assertThat(result.get("multi_thread").get("threads").asInt()).isEqualTo(2);
        for (JsonNode run1 : List.of(result.get("single_thread"), result.get("multi_thread"))) {
            assertThat(keys(run1)).contains("p50_ms", "p95_ms", "p99_ms", "frames_per_second");
            assertThat(run1.get("p50_ms").asDouble()).isLessThanOrEqualTo(run1.get("p95_ms").asDouble());
            assertThat(run1.get("p95_ms").asDouble()).isLessThanOrEqualTo(run1.get("p99_ms").asDouble());
            assertThat(run1.get("frames_per_second").asDouble()).isPositive();
        }
        assertThat(keys(result.get("decision"))).containsExactly("recordings", "p50_ms", "p95_ms", "max_ms");
        assertThat(result.get("heap_used_mb").asLong()).isPositive();
    }

    @Test
    void benchAtAFrameRateTimesOnlyTheFramesAServerAtThatRateKeeps() {
        TestRecordings.write(dir.resolve("a"), 12); // 15 fps

        Run all = cli("bench", dir.toString(), "--threads", "1", "--json");
        Run floor = cli("bench", dir.toString(), "--threads", "1", "--json", "--fps", "6");

        assertThat(floor.exitCode()).isEqualTo(0);
        assertThat(JSON.readTree(all.out()).get("frames").asInt()).isEqualTo(12);
        // every other frame of a 15 fps stream, as evaluate --fps 6 keeps (FrameSampler.keptFrom)
        assertThat(JSON.readTree(floor.out()).get("frames").asInt()).isEqualTo(6);
        assertThat(cli("bench", dir.toString(), "--fps", "0").err()).contains("--fps needs a positive");
    }

    @Test
    void benchPrintsATable() {
        TestRecordings.write(dir.resolve("a"), 3);

        Run run = cli("bench", dir.toString(), "--threads", "2");

        assertThat(run.exitCode()).isEqualTo(0);
        assertThat(run.out()).contains("p50 ms", "p95 ms", "p99 ms", "frames/s", "1 thread", "2 threads", "decision");
    }

    @Test
    void benchWithoutReadableRecordingsFails() throws IOException {
        Files.createDirectories(dir.resolve("broken"));

        Run run = cli("bench", dir.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("skipping broken", "no frames");
    }

    private static List<String> keys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        node.propertyNames().forEach(keys::add);
        return keys;
    }
}
