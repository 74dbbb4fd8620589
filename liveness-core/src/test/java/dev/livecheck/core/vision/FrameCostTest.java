package dev.livecheck.core.vision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** A frame's cost amortised over the cadences, and the stage timings it is built from. */
class FrameCostTest {

    @Test
    void cadencedStagesCostLessPerFrameTheFasterTheStream() {
        FrameCost cost = new FrameCost(1, 3, 4, 2, 1);
        // at 10 fps: presentation 5/s -> half the frames; a sweep of 4 tiles every 2 s -> 0.2 a frame; the detector
        // twice a second -> 0.2 a frame
        double tilesPerFrame = FaceDetector.TILE_COUNT * 1000.0 / FaceTracker.TILE_SWEEP_EVERY_MILLIS / 10;
        double detectionsPerFrame = FrameCost.DETECTIONS_PER_SECOND / 10;
        assertThat(cost.meanMillisPerFrame(10)).isCloseTo(1 + 3 + detectionsPerFrame * 4 + 0.5 * 2 + tilesPerFrame * 1,
                within(1e-9));
        assertThat(cost.meanMillisPerFrame(15)).isLessThan(cost.meanMillisPerFrame(10));
        // the detector runs as often a second at 6 fps, so it is a larger share of the floor rate's frames
        assertThat(cost.meanMillisPerFrame(6) - cost.meanMillisPerFrame(10))
                .isGreaterThan((FrameCost.DETECTIONS_PER_SECOND / 6 - detectionsPerFrame) * 4);
        // a stream slower than the cadences pays for each on every frame, and for one tile a frame, not more
        assertThat(cost.meanMillisPerFrame(1)).isCloseTo(1 + 3 + 4 + 2 + FaceTracker.TILES_PER_FRAME * 1,
                within(1e-9));
    }

    @Test
    void everyStageIsTimedOnTheCalibrationFrame() {
        try (FrameAnalyzer analyzer = new FrameAnalyzer(FaceVisionModels.loadBundled())) {
            FrameCost cost = analyzer.measureCost(5);
            assertThat(java.util.stream.DoubleStream.of(cost.decodeMillis(), cost.faceMillis(), cost.detectMillis(),
                    cost.presentationMillis(), cost.tileMillis()).min().orElseThrow()).isPositive();
            // Face Mesh is the largest stage; a bug that skipped it would show here
            assertThat(cost.faceMillis()).isGreaterThan(cost.decodeMillis() / 4);
        }
    }

    @Test
    void theCalibrationFrameIsCameraSized() {
        byte[] jpeg = CalibrationFrame.jpeg();
        assertThat(jpeg.length).as("bytes, like a 640x480 webcam frame").isBetween(20_000, 200_000);
        assertThat(jpeg).startsWith((byte) 0xFF, (byte) 0xD8);
    }
}
