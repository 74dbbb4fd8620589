package dev.livecheck.core.testkit;

import dev.livecheck.core.attempt.Challenge;
import dev.livecheck.core.recording.Recording;
import java.util.List;

/**
 * A rendered recording with its ground truth.
 *
 * @param recording what the engine sees: the listed challenges and the frames
 * @param performed the challenges actually acted out, in order (empty for
 *     species that do not act; for PRINT_MOVED, mimicked by a flat print)
 * @param faces the face photo(s) used: {@code a}, {@code a>b} for a splice,
 *     {@code a+b} for two faces, empty for none
 * @param script the motion timeline of the main performer (or print/screen)
 * @param fps the nominal frame rate
 */
public record SyntheticRecording(Species species, Recording recording, List<Challenge> performed, String faces,
        MotionScript script, double fps) {

    public SyntheticRecording {
        performed = List.copyOf(performed);
    }
}
