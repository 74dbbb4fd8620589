package dev.livecheck.core.recording;

import dev.livecheck.core.attempt.Challenge;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a recording folder ({@code capture.json} + {@code frames/*.jpg}).
 * Every defect is reported as a {@link RecordingFormatException} naming the
 * recording and the offending key; unknown keys are ignored.
 */
public final class RecordingReader {

    public static final String FORMAT = "liveness-recording/1";
    /** A recording is at most a few seconds of 640x480 video; refuse absurd ones before reading them. */
    static final int MAX_FRAMES = 3_000;
    static final long MAX_FRAME_BYTES = 4L * 1024 * 1024;

    private final ObjectMapper json = JsonMapper.builder().build();

    public Recording read(Path dir) throws RecordingFormatException {
        String name = dir.getFileName() == null ? dir.toString() : dir.getFileName().toString();
        Path captureJson = dir.resolve("capture.json");
        if (!Files.isRegularFile(captureJson)) {
            throw new RecordingFormatException(name + ": capture.json is missing");
        }
        JsonNode root;
        try {
            root = json.readTree(captureJson.toFile());
        } catch (JacksonException e) {
            throw new RecordingFormatException(name + ": capture.json is not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new RecordingFormatException(name + ": capture.json must hold a JSON object");
        }
        JsonNode format = root.get("format");
        if (format == null || !format.isString() || !FORMAT.equals(format.asString())) {
            throw new RecordingFormatException(name + ": key 'format' must be \"" + FORMAT + "\"");
        }
        return new Recording(name, challenges(name, root.get("challenges")), frames(name, dir, root.get("frames")));
    }

    private static List<Challenge> challenges(String name, JsonNode node) throws RecordingFormatException {
        if (node == null || !node.isArray()) {
            throw new RecordingFormatException(name + ": key 'challenges' must be an array");
        }
        List<Challenge> result = new ArrayList<>();
        for (JsonNode c : node) {
            try {
                result.add(Challenge.valueOf(c.isString() ? c.asString() : ""));
            } catch (IllegalArgumentException e) {
                throw new RecordingFormatException(name + ": key 'challenges' has an unknown action " + c);
            }
        }
        return result;
    }

    private static List<RecordedFrame> frames(String name, Path dir, JsonNode node) throws RecordingFormatException {
        if (node == null || !node.isArray()) {
            throw new RecordingFormatException(name + ": key 'frames' must be an array");
        }
        if (node.size() > MAX_FRAMES) {
            throw new RecordingFormatException(name + ": key 'frames' lists " + node.size() + " frames, at most " + MAX_FRAMES);
        }
        List<RecordedFrame> frames = new ArrayList<>();
        long previous = Long.MIN_VALUE;
        Path root = dir.toAbsolutePath().normalize();
        for (int i = 0; i < node.size(); i++) {
            JsonNode f = node.get(i);
            String key = "frames[" + i + "]";
            JsonNode file = f == null ? null : f.get("file");
            JsonNode t = f == null ? null : f.get("t");
            if (file == null || !file.isString()) {
                throw new RecordingFormatException(name + ": key '" + key + ".file' is missing or not a string");
            }
            if (t == null || !t.isIntegralNumber() || t.asLong() < 0) {
                throw new RecordingFormatException(name + ": key '" + key + ".t' is missing or not a non-negative integer");
            }
            if (t.asLong() < previous) {
                throw new RecordingFormatException(name + ": key '" + key + ".t' decreases (" + t.asLong() + " < " + previous + ")");
            }
            previous = t.asLong();
            Path path;
            try {
                path = root.resolve(file.asString()).normalize();
            } catch (InvalidPathException e) {
                // e.g. a NUL character: found by RecordingReaderFuzzTest
                throw new RecordingFormatException(name + ": key '" + key + ".file' is not a file name");
            }
            if (!path.startsWith(root)) {
                throw new RecordingFormatException(name + ": key '" + key + ".file' points outside the recording");
            }
            frames.add(new RecordedFrame(file.asString(), t.asLong(), readFrame(name, key, root, path)));
        }
        return frames;
    }

    private static byte[] readFrame(String name, String key, Path root, Path path) throws RecordingFormatException {
        try {
            if (!Files.isRegularFile(path)) {
                throw new RecordingFormatException(name + ": key '" + key + ".file' names a missing file " + path.getFileName());
            }
            // A symbolic link inside the folder could still lead anywhere on the disk.
            if (!path.toRealPath().startsWith(root.toRealPath())) {
                throw new RecordingFormatException(name + ": key '" + key + ".file' points outside the recording");
            }
            if (Files.size(path) > MAX_FRAME_BYTES) {
                throw new RecordingFormatException(name + ": key '" + key + ".file' is larger than " + MAX_FRAME_BYTES + " bytes");
            }
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new RecordingFormatException(name + ": key '" + key + ".file' cannot be read: " + e.getMessage(), e);
        }
    }
}
