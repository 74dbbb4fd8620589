package dev.livecheck.core.engine;

import dev.livecheck.core.attempt.AttemptEvent;
import dev.livecheck.core.attempt.AttemptSettings;
import dev.livecheck.core.attempt.Challenge;
import dev.livecheck.core.attempt.ChallengePlanner;
import dev.livecheck.core.attempt.LivenessAttempt;
import dev.livecheck.core.checks.LivenessJudge;
import dev.livecheck.core.recording.RecordedFrame;
import dev.livecheck.core.recording.Recording;
import dev.livecheck.core.report.LivenessReport;
import dev.livecheck.core.vision.FaceVisionModels;
import dev.livecheck.core.vision.FrameAnalyzer;
import dev.livecheck.core.vision.FrameRejectedException;
import java.util.List;
import org.bytedeco.opencv.global.opencv_core;

/**
 * The liveness engine. Thread-safe: many attempts and evaluations may run at
 * once, each borrowing a frame analyzer from a bounded pool.
 */
public final class LivenessEngine implements AutoCloseable {

    private final AttemptSettings settings;
    private final AnalyzerPool pool;
    private final LivenessJudge judge;
    private final ChallengePlanner planner;

    public LivenessEngine(FaceVisionModels models, AttemptSettings settings, ChallengePlanner planner, int analyzers) {
        // Parallelism comes from running attempts side by side; OpenCV's own
        // thread pool would only fight them for the same cores.
        opencv_core.setNumThreads(1);
        this.settings = settings;
        this.pool = new AnalyzerPool(models, analyzers);
        this.judge = new LivenessJudge(settings);
        this.planner = planner;
    }

    /** Bundled models, default thresholds, SecureRandom challenges, one analyzer per core. */
    public static LivenessEngine withBundledModels() {
        return new LivenessEngine(FaceVisionModels.loadBundled(), AttemptSettings.defaults(), new ChallengePlanner(),
                Runtime.getRuntime().availableProcessors());
    }

    public AttemptSettings settings() {
        return settings;
    }

    /** Builds every pooled analyzer and runs it once, so the first attempts are as fast as later ones. */
    public LivenessEngine warmUp() throws InterruptedException {
        pool.warmUp();
        return this;
    }

    /** Draws {@code count} (2 or 3) random challenges. */
    public List<Challenge> planChallenges(int count) {
        return planner.plan(count);
    }

    /** Starts a live attempt that asks for these challenges. */
    public LiveAttempt startAttempt(List<Challenge> challenges) {
        return new LiveAttempt(pool, new LivenessAttempt(challenges, settings), judge);
    }

    /**
     * Replays a recording through the same state machine a live attempt uses,
     * with the recording's timestamps as arrival times, and judges it.
     * Undecodable frames are counted, never thrown.
     */
    public LivenessReport evaluate(Recording recording) throws InterruptedException {
        LivenessAttempt attempt = new LivenessAttempt(recording.challenges(), settings);
        FrameAnalyzer analyzer = pool.borrow();
        try {
            for (int i = 0; i < recording.frames().size(); i++) {
                RecordedFrame frame = recording.frames().get(i);
                try {
                    var observation = analyzer.analyze(frame.jpeg(), frame.t(), scansSmallFaces(i));
                    List<AttemptEvent> events = attempt.accept(observation, frame.jpeg());
                    long lastFrameHandled = System.nanoTime();
                    if (attempt.isDone()) {
                        return judgeCompleted(events, lastFrameHandled);
                    }
                } catch (FrameRejectedException e) {
                    attempt.rejectFrame();
                }
            }
        } finally {
            pool.release(analyzer);
        }
        return judgeCompleted(attempt.finish(), System.nanoTime());
    }

    /**
     * Every third frame is also scanned for faces too small for the main
     * detector: enough to notice a second person who stays in view, at a
     * third of the cost.
     */
    public static boolean scansSmallFaces(int frameIndex) {
        return frameIndex % 3 == 0;
    }

    private LivenessReport judgeCompleted(List<AttemptEvent> events, long startNanos) {
        return events.stream()
                .filter(AttemptEvent.Completed.class::isInstance)
                .map(e -> judge.judge(((AttemptEvent.Completed) e).evidence(), startNanos))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("attempt ended without evidence"));
    }

    @Override
    public void close() {
        pool.close();
    }
}
