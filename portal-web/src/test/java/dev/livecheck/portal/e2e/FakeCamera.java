package dev.livecheck.portal.e2e;

import dev.livecheck.core.testkit.Species;
import dev.livecheck.core.testkit.Y4mWriter;
import dev.livecheck.portal.capture.FixedChallengesConfiguration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * What the browser's camera shows. Recordings are rendered by the engine's test kit into {@code target/e2e/cameras}
 * (once per build) and played by Chromium's fake capture device, which loops the file from the moment the page opens
 * the camera; a long frontal lead-in lets the attempt lock on the face before the first move whenever Start is
 * pressed.
 */
public enum FakeCamera {
    /** A real photo's face lifted to 3D turning left, then looking up (the order the test-only planner asks for). */
    BONA_FIDE(Species.BONA_FIDE, 11),
    /** A flat print of a face, tilted and moved to mimic the challenges. */
    TILTED_PRINT(Species.PRINT_MOVED, 22),
    /** A camera exists but the user (browser setting) blocks it. */
    DENIED(null, 0),
    /** The machine has no camera at all. */
    NONE(null, 0);

    static final int FPS = 15;
    static final long LEAD_IN_MS = 3500;
    private static final Path DIR = Path.of("target", "e2e", "cameras");

    private final Species species;
    private final long seed;

    FakeCamera(Species species, long seed) {
        this.species = species;
        this.seed = seed;
    }

    /** The y4m file to play, rendered on first use; null for the cameras that show nothing. */
    synchronized Path file() {
        if (species == null) {
            return null;
        }
        Path file = DIR.resolve(name().toLowerCase() + "-" + seed + ".y4m").toAbsolutePath();
        if (Files.exists(file)) {
            return file;
        }
        try {
            Files.createDirectories(DIR);
            Path partial = Files.createTempFile(DIR, name(), ".part");
            Y4mWriter.render(partial, species, FixedChallengesConfiguration.CHALLENGES, seed, FPS, LEAD_IN_MS);
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("could not render the fake camera " + this, e);
        }
    }
}
