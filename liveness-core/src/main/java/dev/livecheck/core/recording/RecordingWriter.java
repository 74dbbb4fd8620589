package dev.livecheck.core.recording;

import dev.livecheck.core.attempt.Challenge;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Writes a recording folder in the {@code liveness-recording/1} format. */
public final class RecordingWriter {

    private final ObjectMapper json = JsonMapper.builder().build();

    /**
     * Writes {@code recording} into {@code dir} (created if needed); frames are
     * stored as {@code frames/000000.jpg}, ... whatever their original names.
     */
    public void write(Path dir, List<Challenge> challenges, List<RecordedFrame> frames) throws IOException {
        Files.createDirectories(dir.resolve("frames"));
        ObjectNode root = json.createObjectNode();
        root.put("format", RecordingReader.FORMAT);
        ArrayNode cs = root.putArray("challenges");
        challenges.forEach(c -> cs.add(c.name()));
        ArrayNode fs = root.putArray("frames");
        for (int i = 0; i < frames.size(); i++) {
            String file = String.format("frames/%06d.jpg", i);
            Files.write(dir.resolve(file), frames.get(i).jpeg());
            fs.addObject().put("file", file).put("t", frames.get(i).t());
        }
        json.writerWithDefaultPrettyPrinter().writeValue(dir.resolve("capture.json").toFile(), root);
    }

    public void write(Path dir, Recording recording) throws IOException {
        write(dir, recording.challenges(), recording.frames());
    }
}
