package dev.livecheck.core.testkit;

import dev.livecheck.core.vision.FaceVisionModels;
import dev.livecheck.core.vision.FrameAnalyzer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Every real face photo listed in the classpath's {@code faces/index.txt},
 * lifted to 3D once per JVM. Adding a photo to that folder and its name to
 * the index is all it takes for the synthetic camera to use it.
 */
public final class FaceLibrary {

    private final List<FaceModel3D> faces;

    private FaceLibrary(List<FaceModel3D> faces) {
        this.faces = List.copyOf(faces);
    }

    /** The shared library, built on first use. */
    public static FaceLibrary shared() {
        return Holder.SHARED;
    }

    private static final class Holder {
        static final FaceLibrary SHARED = load();
    }

    static FaceLibrary load() {
        FaceVisionModels models = FaceVisionModels.loadBundled();
        List<FaceModel3D> faces = new ArrayList<>();
        try (FrameAnalyzer analyzer = new FrameAnalyzer(models)) {
            for (String file : index()) {
                Mat photo = Backgrounds.decodeResource("/faces/" + file);
                String name = file.contains(".") ? file.substring(0, file.lastIndexOf('.')) : file;
                faces.add(FaceModel3D.lift(name, photo, analyzer, models.canonicalMesh()));
                photo.close();
            }
        }
        if (faces.isEmpty()) {
            throw new IllegalStateException("faces/index.txt lists no face photos");
        }
        return new FaceLibrary(faces);
    }

    /** File names listed in {@code faces/index.txt} (blank lines and {@code #} comments skipped). */
    public static List<String> index() {
        try (InputStream in = FaceLibrary.class.getResourceAsStream("/faces/index.txt")) {
            if (in == null) {
                throw new IllegalStateException("faces/index.txt is missing from the test classpath");
            }
            List<String> names = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R")) {
                String s = line.strip();
                if (!s.isEmpty() && !s.startsWith("#")) {
                    names.add(s);
                }
            }
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<FaceModel3D> faces() {
        return faces;
    }

    public int size() {
        return faces.size();
    }
}
