package dev.livecheck.core.vision;

/**
 * What the stages of a tracked frame cost on this machine (median milliseconds of one analyzer thread, measured by
 * {@link FrameAnalyzer#measureCost}), and what they add up to per frame once each runs on its own cadence: every
 * frame is decoded and its face landmarked; the detector runs on about {@link #DETECTED_SHARE} of frames (its fixed
 * one-second cadence, fast moves and turns; {@code bench} reports the share it saw); the presentation sample runs
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
     * Share of frames on which the detector runs while a face is tracked: 17 % in {@code bench} over the demo
     * recordings (which include faceless and two-face streams that detect more often), rounded up.
     */
    public static final double DETECTED_SHARE = 0.2;

    /** Mean engine time per analysed frame when each stream is analysed at {@code fps} frames per second. */
    public double meanMillisPerFrame(int fps) {
        double presentationPerFrame = Math.min(1, 1000.0 / FaceTracker.PRESENTATION_SAMPLE_EVERY_MILLIS / fps);
        double tilesPerFrame = Math.min(FaceTracker.TILES_PER_FRAME,
                FaceDetector.TILE_COUNT * 1000.0 / FaceTracker.TILE_SWEEP_EVERY_MILLIS / fps);
        return decodeMillis + faceMillis + DETECTED_SHARE * detectMillis + presentationPerFrame * presentationMillis
                + tilesPerFrame * tileMillis;
    }
}
