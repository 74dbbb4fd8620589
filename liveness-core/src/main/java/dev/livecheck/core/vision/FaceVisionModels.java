package dev.livecheck.core.vision;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * The model files every analyzer needs, read once from the classpath and shared
 * (immutable) between threads. Each {@link FrameAnalyzer} builds its own OpenCV
 * networks from these bytes, because a {@code Net} must not be used by two
 * threads at once.
 */
public final class FaceVisionModels {

    private static final String BASE = "/models/";

    private final byte[] detector;
    private final byte[] landmarker;
    private final byte[] embedder;
    private final CanonicalFaceMesh canonicalMesh;

    private FaceVisionModels(byte[] detector, byte[] landmarker, byte[] embedder, CanonicalFaceMesh canonicalMesh) {
        this.detector = detector;
        this.landmarker = landmarker;
        this.embedder = embedder;
        this.canonicalMesh = canonicalMesh;
    }

    /** Loads the models shipped in {@code liveness-core}'s resources. */
    public static FaceVisionModels loadBundled() {
        return Holder.BUNDLED;
    }

    private static final class Holder {
        static final FaceVisionModels BUNDLED = new FaceVisionModels(
                resource("face_detection_short_range.tflite"),
                resource("face_landmark.tflite"),
                resource("fr_feature.onnx"),
                CanonicalFaceMesh.parse(new String(resource("canonical_face_mesh.txt"),
                        java.nio.charset.StandardCharsets.UTF_8)));
    }

    static byte[] resource(String name) {
        try (InputStream in = FaceVisionModels.class.getResourceAsStream(BASE + name)) {
            Objects.requireNonNull(in, () -> "model resource missing: " + BASE + name);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read model resource " + name, e);
        }
    }

    byte[] detectorBytes() {
        return detector;
    }

    byte[] landmarkerBytes() {
        return landmarker;
    }

    byte[] embedderBytes() {
        return embedder;
    }

    public CanonicalFaceMesh canonicalMesh() {
        return canonicalMesh;
    }
}
