package dev.livecheck.core.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.livecheck.core.attempt.Challenge;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordingReaderTest {

    @TempDir
    Path tmp;

    private Path recording;
    private final RecordingReader reader = new RecordingReader();

    @BeforeEach
    void createFolder() throws IOException {
        recording = Files.createDirectories(tmp.resolve("attempt-7"));
    }

    @Test
    void writerOutputReadsBackIdentically() throws Exception {
        List<RecordedFrame> frames = TestRecordings.frames(3);
        new RecordingWriter().write(recording, List.of(Challenge.LOOK_UP, Challenge.MOVE_CLOSER), frames);

        Recording read = reader.read(recording);

        assertThat(read.name()).isEqualTo("attempt-7");
        assertThat(read.challenges()).containsExactly(Challenge.LOOK_UP, Challenge.MOVE_CLOSER);
        assertThat(read.frames()).extracting(RecordedFrame::file)
                .containsExactly("frames/000000.jpg", "frames/000001.jpg", "frames/000002.jpg");
        assertThat(read.frames()).extracting(RecordedFrame::t).containsExactly(0L, 66L, 132L);
        for (int i = 0; i < frames.size(); i++) {
            assertThat(read.frames().get(i).jpeg()).isEqualTo(frames.get(i).jpeg());
        }
    }

    @Test
    void unknownKeysAreIgnored() throws Exception {
        writeFrameFile("frames/a.jpg");
        capture("""
                {"format":"liveness-recording/1","device":"phone","challenges":["TURN_LEFT"],
                 "frames":[{"file":"frames/a.jpg","t":0,"exposure":3}]}""");

        assertThat(reader.read(recording).frames()).hasSize(1);
    }

    @Test
    void missingCaptureJson() {
        assertError("capture.json is missing");
    }

    @Test
    void captureJsonThatIsNotJson() throws IOException {
        capture("{\"format\": ");
        assertError("capture.json is not valid JSON");
    }

    @Test
    void captureJsonThatIsNotAnObject() throws IOException {
        capture("[1, 2]");
        assertError("capture.json must hold a JSON object");
    }

    @Test
    void wrongFormat() throws IOException {
        capture("{\"format\":\"liveness-recording/2\",\"challenges\":[],\"frames\":[]}");
        assertError("'format'");
    }

    @Test
    void missingChallenges() throws IOException {
        capture("{\"format\":\"liveness-recording/1\",\"frames\":[]}");
        assertError("'challenges'");
    }

    @Test
    void unknownChallenge() throws IOException {
        capture("{\"format\":\"liveness-recording/1\",\"challenges\":[\"SMILE\"],\"frames\":[]}");
        assertError("'challenges'", "SMILE");
    }

    @Test
    void missingFrames() throws IOException {
        capture("{\"format\":\"liveness-recording/1\",\"challenges\":[]}");
        assertError("'frames'");
    }

    @Test
    void frameWithoutTime() throws IOException {
        writeFrameFile("frames/a.jpg");
        capture(withFrames("{\"file\":\"frames/a.jpg\"}"));
        assertError("'frames[0].t'");
    }

    @Test
    void negativeTime() throws IOException {
        writeFrameFile("frames/a.jpg");
        capture(withFrames("{\"file\":\"frames/a.jpg\",\"t\":-5}"));
        assertError("'frames[0].t'");
    }

    @Test
    void decreasingTime() throws IOException {
        writeFrameFile("frames/a.jpg");
        writeFrameFile("frames/b.jpg");
        capture(withFrames("{\"file\":\"frames/a.jpg\",\"t\":100}", "{\"file\":\"frames/b.jpg\",\"t\":99}"));
        assertError("'frames[1].t'", "decreases");
    }

    @Test
    void equalTimesAreAllowed() throws Exception {
        writeFrameFile("frames/a.jpg");
        writeFrameFile("frames/b.jpg");
        capture(withFrames("{\"file\":\"frames/a.jpg\",\"t\":40}", "{\"file\":\"frames/b.jpg\",\"t\":40}"));
        assertThat(reader.read(recording).frames()).hasSize(2);
    }

    @Test
    void frameWithoutFile() throws IOException {
        capture(withFrames("{\"t\":0}"));
        assertError("'frames[0].file'");
    }

    @Test
    void missingFrameFile() throws IOException {
        capture(withFrames("{\"file\":\"frames/000000.jpg\",\"t\":0}"));
        assertError("'frames[0].file'", "missing file 000000.jpg");
    }

    @Test
    void relativePathEscapingTheFolder() throws IOException {
        Files.write(tmp.resolve("secret.jpg"), TestRecordings.jpeg(0));
        capture(withFrames("{\"file\":\"../secret.jpg\",\"t\":0}"));
        assertError("'frames[0].file'", "outside the recording");
    }

    @Test
    void absolutePathEscapingTheFolder() throws IOException {
        Path outside = Files.write(tmp.resolve("secret.jpg"), TestRecordings.jpeg(0));
        capture(withFrames("{\"file\":\"" + outside.toAbsolutePath() + "\",\"t\":0}"));
        assertError("'frames[0].file'", "outside the recording");
    }

    @Test
    void symbolicLinkEscapingTheFolder() throws IOException {
        Path outside = Files.write(tmp.resolve("secret.jpg"), TestRecordings.jpeg(0));
        Files.createDirectories(recording.resolve("frames"));
        Files.createSymbolicLink(recording.resolve("frames/000000.jpg"), outside);
        capture(withFrames("{\"file\":\"frames/000000.jpg\",\"t\":0}"));
        assertError("'frames[0].file'", "outside the recording");
    }

    @Test
    void tooManyFrames() throws IOException {
        String frames = IntStream.rangeClosed(0, RecordingReader.MAX_FRAMES)
                .mapToObj(i -> "{\"file\":\"frames/" + i + ".jpg\",\"t\":" + i + "}")
                .collect(Collectors.joining(","));
        capture(withFrames(frames));
        assertError("'frames'", "at most " + RecordingReader.MAX_FRAMES);
    }

    @Test
    void oversizedFrameFile() throws IOException {
        Path file = recording.resolve("frames/big.jpg");
        Files.createDirectories(file.getParent());
        Files.write(file, new byte[(int) RecordingReader.MAX_FRAME_BYTES + 1]);
        capture(withFrames("{\"file\":\"frames/big.jpg\",\"t\":0}"));
        assertError("'frames[0].file'", "larger than");
    }

    private void assertError(String... fragments) {
        assertThatThrownBy(() -> reader.read(recording))
                .isInstanceOf(RecordingFormatException.class)
                .hasMessageStartingWith("attempt-7: ")
                .hasMessageContainingAll(fragments);
    }

    private void capture(String json) throws IOException {
        Files.writeString(recording.resolve("capture.json"), json);
    }

    private static String withFrames(String... frames) {
        return "{\"format\":\"liveness-recording/1\",\"challenges\":[\"TURN_LEFT\"],\"frames\":["
                + String.join(",", frames) + "]}";
    }

    private void writeFrameFile(String name) throws IOException {
        Path file = recording.resolve(name);
        Files.createDirectories(file.getParent());
        Files.write(file, TestRecordings.jpeg(0));
    }
}
