package dev.livecheck.core.engine;

import dev.livecheck.core.vision.FrameCost;
import java.util.Locale;

/**
 * The analysed frames per second an engine sustains, measured ({@link LivenessEngine#measureFrameBudget}).
 *
 * @param analyzers analyzer threads working at once
 * @param streamFps the frame rate per stream the cadences were amortised over
 * @param millisPerFrame mean engine time per analysed frame on one analyzer
 * @param framesPerSecond {@code analyzers x 1000 / millisPerFrame}: every analyzer busy all the time
 * @param stages the measured stage costs, for the log
 */
public record FrameBudget(int analyzers, int streamFps, double millisPerFrame, double framesPerSecond,
        String stages) {

    static FrameBudget of(int analyzers, int fps, FrameCost cost) {
        double perFrame = cost.meanMillisPerFrame(fps);
        String stages = String.format(Locale.ROOT,
                "decode %.2f ms, face %.2f ms, detector %.2f ms, presentation sample %.2f ms, tile %.2f ms",
                cost.decodeMillis(), cost.faceMillis(), cost.detectMillis(), cost.presentationMillis(),
                cost.tileMillis());
        return new FrameBudget(analyzers, fps, perFrame, analyzers * 1000.0 / perFrame, stages);
    }
}
