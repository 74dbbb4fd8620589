package dev.livecheck.core.vision;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The model files in the source tree and on the classpath are exactly the ones in {@code models/SHA256SUMS}. */
class ModelIntegrityTest {

    private static final Path MODELS = Path.of("src/main/resources/models");
    /** Files in the folder that are documentation, not model data. */
    private static final List<String> NOT_MODEL_DATA = List.of("SHA256SUMS", "README.md");
    /** Unpacked into the classes by the build from its npm tarball (liveness-core/pom.xml), never kept in git. */
    private static final List<String> FETCHED_BY_THE_BUILD = List.of("fr_feature.onnx");

    @Test
    void everyListedFileMatchesItsChecksum() throws Exception {
        Map<String, String> sums = sums();
        assertThat(sums).containsKeys("face_detection_short_range.tflite", "face_landmark.tflite",
                "canonical_face_mesh.txt", "fr_feature.onnx");
        for (Map.Entry<String, String> e : sums.entrySet()) {
            Path file = MODELS.resolve(e.getKey());
            if (FETCHED_BY_THE_BUILD.contains(e.getKey())) {
                assertThat(file).as(e.getKey() + " is fetched by the build, not kept in the source tree").doesNotExist();
                continue;
            }
            assertThat(file).as(e.getKey()).isRegularFile();
            assertThat(sha256(Files.readAllBytes(file))).as("sha256 of " + e.getKey()).isEqualTo(e.getValue());
        }
    }

    @Test
    void everyModelFileInTheFolderIsListed() throws Exception {
        Map<String, String> sums = sums();
        try (Stream<Path> files = Files.list(MODELS)) {
            List<String> unlisted = files.filter(Files::isRegularFile)
                    .map(p -> p.getFileName().toString())
                    .filter(n -> !NOT_MODEL_DATA.contains(n) && !n.startsWith("LICENSE"))
                    .filter(n -> !sums.containsKey(n))
                    .toList();
            assertThat(unlisted).as("model files without a checksum").isEmpty();
        }
    }

    @Test
    void theClasspathCopiesTheAnalyzersLoadAreTheChecksummedOnes() throws Exception {
        for (Map.Entry<String, String> e : sums().entrySet()) {
            assertThat(sha256(FaceVisionModels.resource(e.getKey()))).as("classpath " + e.getKey())
                    .isEqualTo(e.getValue());
        }
    }

    @Test
    void everyModelShipsWithTheLicenceTextOfItsPackage() throws Exception {
        assertThat(MODELS.resolve("LICENSE-Apache-2.0.txt")).as("MediaPipe models").isRegularFile();
        assertThat(Files.readString(MODELS.resolve("LICENSE-MIT-faceplugin.txt"))).as("fr_feature.onnx")
                .startsWith("MIT License").contains("Copyright (c) 2021 gitguanqi");
        assertThat(Files.readString(MODELS.resolve("README.md"))).contains("fr_feature.onnx")
                .contains("faceplugin-face-recognition-js@0.0.1").contains(sums().get("fr_feature.onnx"));
    }

    private static Map<String, String> sums() throws IOException {
        Map<String, String> sums = new LinkedHashMap<>();
        for (String line : Files.readAllLines(MODELS.resolve("SHA256SUMS"), StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.strip().split("\\s+\\*?", 2);
            assertThat(parts).as("SHA256SUMS line: " + line).hasSize(2);
            assertThat(parts[0]).matches("[0-9a-f]{64}");
            sums.put(parts[1], parts[0]);
        }
        return sums;
    }

    private static String sha256(byte[] data) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }
}
