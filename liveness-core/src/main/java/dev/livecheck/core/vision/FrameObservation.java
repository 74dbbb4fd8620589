package dev.livecheck.core.vision;

import org.jspecify.annotations.Nullable;
import java.util.Optional;

/**
 * Everything the engine learned from one camera frame.
 *
 * @param timestampMillis arrival time (live) or the recording's {@code t}
 * @param faceCount faces the detector found; only the largest is analysed
 * @param frameBrightness mean luma of the whole frame (0..255)
 * @param screen what the frame shows of a re-captured display around the main
 *     face ({@link ScreenSample}), or null without a face
 */
public record FrameObservation(
        long timestampMillis,
        int width,
        int height,
        int faceCount,
        double frameBrightness,
        @Nullable FaceObservation face,
        @Nullable ScreenSample screen) {

    /** An observation without screen-replay measurements (frames without a face, tests). */
    public FrameObservation(long timestampMillis, int width, int height, int faceCount, double frameBrightness,
            FaceObservation face) {
        this(timestampMillis, width, height, faceCount, frameBrightness, face, null);
    }

    public Optional<FaceObservation> mainFace() {
        return Optional.ofNullable(face);
    }

    public boolean hasSingleFace() {
        return faceCount == 1 && face != null;
    }
}
