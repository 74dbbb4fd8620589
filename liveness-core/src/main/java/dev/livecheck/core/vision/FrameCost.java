package dev.livecheck.core.vision;

/**
 * What the stages of a tracked frame cost on this machine (median milliseconds of one analyzer thread, measured by
 * {@link FrameAnalyzer#measureCost}), and what they add up to per frame once each runs on its own cadence: every
 * frame is decoded and its face landmarked; the detector runs about {@link #DETECTIONS_PER_SECOND} times a second
 * while a face is tracked (its fixed one-second cadence, fast moves and turns); the presentation sample runs
 * every {@link FaceTracker#PRESENTATION_SAMPLE_EVERY_MILLIS}; the small-face tiles {@link FaceDetector#TILE_COUNT}
 * per {@link FaceTracker#TILE_SWEEP_EVERY_MILLIS}, at most {@link FaceTracker#TILES_PER_FRAME} a frame. The server
 * sizes its frame budget from this.
 *
 * @param decodeMillis JPEG decode of a 640x480 frame
 * @param faceMillis Face Mesh on the tracked region, head pose, appearance signature and the frame's thumbnail
 * @param detectMillis one run of the whole-frame face detector
 * @param presentationMillis one presentation sample (screen measurements and texture cues)
 * @param tileMillis one small-face tile
 */
public record FrameCost(double decodeMillis, double faceMillis, double detectMillis, double presentationMillis,
        double tileMillis) {

    /**
     * Detector runs a second while a face is tracked, about the same at any frame rate (the one-second cadence plus
     * turns): {@code bench --fps N} over 40 bona fide recordings of the accuracy corpus saw 23 % of frames at
     * {@code --fps 6} (1.5 a second), 18 % at {@code --fps 10} (1.7) and 10 % at their own 10-30 fps (2.0); rounded
     * up. A fixed 20 % of frames, as before, undercounted the floor rate the budget is sized at.
     */
    public static final double DETECTIONS_PER_SECOND = 2.0;

    /** Mean engine time per analysed frame when each stream is analysed at {@code fps} frames per second. */
    public double meanMillisPerFrame(int fps) {
        double presentationPerFrame = Math.min(1, 1000.0 / FaceTracker.PRESENTATION_SAMPLE_EVERY_MILLIS / fps);
        double tilesPerFrame = Math.min(FaceTracker.TILES_PER_FRAME,
                FaceDetector.TILE_COUNT * 1000.0 / FaceTracker.TILE_SWEEP_EVERY_MILLIS / fps);
        double detectionsPerFrame = Math.min(1, DETECTIONS_PER_SECOND / fps);
        return decodeMillis + faceMillis + detectionsPerFrame * detectMillis + presentationPerFrame * presentationMillis
                + tilesPerFrame * tileMillis;
    }
}
