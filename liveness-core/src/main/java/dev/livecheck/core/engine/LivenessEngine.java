package dev.livecheck.core.engine;

import dev.livecheck.core.attempt.AttemptEvent;
import dev.livecheck.core.attempt.AttemptEvidence;
import dev.livecheck.core.attempt.AttemptSettings;
import dev.livecheck.core.attempt.Challenge;
import dev.livecheck.core.attempt.ChallengePlanner;
import dev.livecheck.core.attempt.IdentityFrame;
import dev.livecheck.core.attempt.LivenessAttempt;
import dev.livecheck.core.checks.LivenessJudge;
import dev.livecheck.core.recording.RecordedFrame;
import dev.livecheck.core.recording.Recording;
import dev.livecheck.core.report.LivenessReport;
import dev.livecheck.core.vision.FaceObservation;
import dev.livecheck.core.vision.FaceTracker;
import dev.livecheck.core.vision.FaceVisionModels;
import dev.livecheck.core.vision.FrameCost;
import dev.livecheck.core.vision.FrameAnalyzer;
import dev.livecheck.core.vision.FrameRejectedException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
        return withBundledModels(new ChallengePlanner(), Runtime.getRuntime().availableProcessors());
    }

    /** Bundled models and default thresholds, challenges drawn by {@code planner}, {@code analyzers} pooled analyzers. */
    public static LivenessEngine withBundledModels(ChallengePlanner planner, int analyzers) {
        return new LivenessEngine(FaceVisionModels.loadBundled(), AttemptSettings.defaults(), planner, analyzers);
    }

    /**
     * Times a tracked frame's stages on every pooled analyzer at once ({@link FrameCost}) and returns the analysed
     * frames per second this machine sustains when streams arrive at {@code fps}: for sizing a server's frame
     * budget. Takes about {@code rounds} x 18 ms (half as many untimed rounds first).
     */
    public FrameBudget measureFrameBudget(int fps, int rounds) throws InterruptedException {
        FrameCost cost = pool.measureCost(rounds, fps);
        return FrameBudget.of(pool.capacity(), fps, cost);
    }

    /** Builds every pooled analyzer and runs it once, so the first attempts are as fast as later ones. */
    public LivenessEngine warmUp() throws InterruptedException {
        pool.warmUp();
        return this;
    }

    /**
     * Draws the challenge sequence of a counted attempt: {@code count} (2 or 3) random challenges. The caller may keep
     * it and start several attempts with it ({@link #startAttempt}) until one is counted, so cancelling an attempt
     * cannot re-roll what it asks.
     */
    public List<Challenge> drawChallenges(int count) {
        return planner.plan(count);
    }

    /**
     * Starts a live attempt that asks for a sequence drawn by {@link #drawChallenges}, with pauses before the
     * challenges drawn anew ({@link ChallengePlanner#pauses}).
     */
    public LiveAttempt startAttempt(List<Challenge> challenges) {
        return new LiveAttempt(pool, new LivenessAttempt(challenges, planner.pauses(challenges.size()), settings),
                judge);
    }

    /**
     * The longest a live attempt can run in stream time: the lock timeout, every challenge's wait and timeout (each as
     * long as a challenge's) for the longest sequence, and the end timeout. A caller holding a lease for an attempt
     * keeps it at least this long.
     */
    public Duration longestAttempt() {
        return Duration.ofMillis(settings.lockTimeoutMillis()
                + 2 * ChallengePlanner.MAX_CHALLENGES * settings.challengeTimeoutMillis() + settings.endTimeoutMillis());
    }

    /**
     * Replays a recording through the same state machine a live attempt uses,
     * with the recording's timestamps as arrival times, and judges it.
     * Undecodable frames are counted, never thrown; a repeated image is
     * counted and skipped, as live.
     */
    public LivenessReport evaluate(Recording recording) throws InterruptedException {
        LivenessAttempt attempt = new LivenessAttempt(recording.challenges(), settings);
        FrameAnalyzer analyzer = pool.borrow();
        Map<Integer, float[]> embeddings = new HashMap<>();
        FaceTracker tracker = new FaceTracker();
        try {
            for (RecordedFrame frame : recording.frames()) {
                List<AttemptEvent> events = feed(attempt, frame, analyzer, tracker);
                long lastFrameHandled = System.nanoTime();
                if (attempt.isDone()) {
                    return judgeCompleted(events, analyzer, embeddings, lastFrameHandled);
                }
                embedNew(attempt, analyzer, embeddings);
            }
            return judgeCompleted(attempt.finish(), analyzer, embeddings, System.nanoTime());
        } finally {
            pool.release(analyzer);
        }
    }

    /** One recorded frame into the attempt as a live one goes: a repeat only lets the clock run, a bad one counts. */
    private static List<AttemptEvent> feed(LivenessAttempt attempt, RecordedFrame frame, FrameAnalyzer analyzer,
            FaceTracker tracker) {
        if (attempt.repeatsThePreviousImage(frame.jpeg())) {
            return attempt.tick(frame.t());
        }
        try {
            return attempt.accept(analyzer.analyze(frame.jpeg(), frame.t(), tracker), frame.jpeg());
        } catch (FrameRejectedException e) {
            attempt.rejectFrame();
            return List.of();
        }
    }

    private LivenessReport judgeCompleted(List<AttemptEvent> events, FrameAnalyzer analyzer,
            Map<Integer, float[]> embeddings, long startNanos) {
        return events.stream()
                .filter(AttemptEvent.Completed.class::isInstance)
                .map(e -> judge.judge(
                        embedIdentityFrames(((AttemptEvent.Completed) e).evidence(), analyzer, embeddings), startNanos))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("attempt ended without evidence"));
    }

    /**
     * Embeds the identity frames the attempt kept since the last call (the
     * reference on the frame that locks, a challenge's peak on the frame that
     * ends it) with the analyzer the caller holds, into {@code embeddings}
     * (by observation index). So only one or two frames an attempt pay about
     * 6 ms more, and the decision only has the end frame (and start image) left.
     */
    static void embedNew(LivenessAttempt attempt, FrameAnalyzer analyzer, Map<Integer, float[]> embeddings) {
        for (IdentityFrame f : attempt.identityFramesSoFar()) {
            if (!embeddings.containsKey(f.index())) {
                embeddings.put(f.index(), analyzer.embedFace(f.jpeg(), attempt.landmarksAt(f.index())));
            }
        }
    }

    /**
     * Adds the face embedding of every identity frame (the reference, the
     * start image, each challenge's peak and the end frame: a handful per
     * attempt) to the evidence: from {@code embeddings} when already
     * computed, else now with the analyzer the caller holds (counted in the
     * decision time).
     */
    static AttemptEvidence embedIdentityFrames(AttemptEvidence evidence, FrameAnalyzer analyzer,
            Map<Integer, float[]> embeddings) {
        List<IdentityFrame> embedded = new ArrayList<>(evidence.identityFrames().size());
        for (IdentityFrame f : evidence.identityFrames()) {
            float[] vector;
            if (embeddings.containsKey(f.index())) {
                vector = embeddings.get(f.index());
            } else {
                FaceObservation face = evidence.observations().get(f.index()).face();
                vector = face == null ? null : analyzer.embedFace(f.jpeg(), face.landmarks());
            }
            embedded.add(f.embedded(vector));
        }
        return evidence.withIdentityFrames(embedded);
    }

    @Override
    public void close() {
        pool.close();
    }
}
