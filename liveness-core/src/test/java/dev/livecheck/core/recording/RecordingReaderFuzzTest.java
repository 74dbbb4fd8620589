package dev.livecheck.core.recording;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.Tag;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Untrusted recordings: any {@code capture.json} (next to one frame file and a file outside the folder) is read or
 * refused with a {@link RecordingFormatException} naming the recording; nothing else escapes, and no frame is read
 * from outside the folder.
 */
@Tag("fuzz")
class RecordingReaderFuzzTest {

    private final RecordingReader reader = new RecordingReader();

    @FuzzTest(maxDuration = "30s")
    void readsOrRefusesWithTheRecordingsName(FuzzedDataProvider data) throws IOException {
        Path parent = Files.createTempDirectory("fuzz-recording");
        try {
            Path dir = Files.createDirectories(parent.resolve("rec"));
            Files.createDirectories(dir.resolve("frames"));
            Files.write(dir.resolve("frames/1.jpg"), data.consumeBytes(64));
            Files.writeString(parent.resolve("secret.jpg"), "outside");
            Files.writeString(dir.resolve("capture.json"), data.consumeRemainingAsString(), StandardCharsets.UTF_8);
            try {
                Recording recording = reader.read(dir);
                assertThat(recording.frames()).allSatisfy(frame -> assertThat(new String(frame.jpeg(),
                        StandardCharsets.UTF_8)).isNotEqualTo("outside"));
            } catch (RecordingFormatException expected) {
                assertThat(expected.getMessage()).startsWith("rec: ");
            }
        } finally {
            try (Stream<Path> files = Files.walk(parent)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
