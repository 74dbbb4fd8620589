package dev.livecheck.core.engine;

import dev.livecheck.core.attempt.AttemptEvent;
import dev.livecheck.core.attempt.Challenge;
import dev.livecheck.core.attempt.LivenessAttempt;
import dev.livecheck.core.checks.LivenessJudge;
import dev.livecheck.core.report.LivenessReport;
import dev.livecheck.core.vision.FaceTracker;
import dev.livecheck.core.vision.FrameAnalyzer;
import dev.livecheck.core.vision.FrameDecoder;
import dev.livecheck.core.vision.FrameObservation;
import dev.livecheck.core.vision.FrameRejectedException;
import dev.livecheck.core.vision.InspectedFrame;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * One attempt fed from a live stream. Each call analyses (or times out) and
 * returns what the client should be told; once the attempt completes, the
 * update carries the report. Calls must not overlap (the caller serialises
 * them, e.g. one worker per attempt).
 */
public final class LiveAttempt {

    private final AnalyzerPool pool;
    private final LivenessAttempt attempt;
    private final LivenessJudge judge;
    private LivenessReport report;
    /** The attempt's face from frame to frame, so most frames skip the detector. */
    private final FaceTracker tracker = new FaceTracker();
    /** Embeddings of the identity frames computed so far, by observation index. */
    private final Map<Integer, float[]> embeddings = new HashMap<>();

    LiveAttempt(AnalyzerPool pool, LivenessAttempt attempt, LivenessJudge judge) {
        this.pool = pool;
        this.attempt = attempt;
        this.judge = judge;
    }

    /** What one frame or tick changed; {@code report} is set once, when the attempt is decided. */
    public record Update(List<AttemptEvent> events, LivenessReport report) {

        public boolean decided() {
            return report != null;
        }
    }

    public List<Challenge> challenges() {
        return attempt.challenges();
    }

    public boolean isDecided() {
        return report != null;
    }

    /**
     * Analyses a frame that arrived at {@code arrivalMillis}. The caller inspected it under its limits (a socket: the
     * capture protocol's, once, on receipt), so it is decoded without reading the header again. A frame that cannot
     * be decoded after all is counted and rethrown so the caller can tell the client; the attempt goes on. A frame
     * whose image repeats the one before is counted and not analysed, as if no frame had come
     * ({@link LivenessAttempt#repeatsThePreviousImage}).
     */
    public Update onFrame(InspectedFrame frame, long arrivalMillis) throws FrameRejectedException, InterruptedException {
        if (report != null) {
            return new Update(List.of(), report);
        }
        if (Math.max(frame.header().width(), frame.header().height()) > FrameDecoder.MAX_LONG_SIDE) {
            throw new IllegalArgumentException("a live frame must be inspected under the capture protocol's limits");
        }
        if (attempt.repeatsThePreviousImage(frame.jpeg())) {
            return settle(attempt.tick(arrivalMillis));
        }
        List<AttemptEvent> events;
        try (Mat bgr = FrameDecoder.decode(frame)) {
            FrameAnalyzer analyzer = pool.borrow();
            try {
                // live frames are at most analysis size, so the decoded image is analysed as it is
                FrameObservation observation = analyzer.analyze(bgr, arrivalMillis, tracker);
                events = attempt.accept(observation, frame.jpeg());
                if (!attempt.isDone()) {
                    // a newly kept reference or challenge peak is embedded now, while we hold an analyzer
                    LivenessEngine.embedNew(attempt, analyzer, embeddings);
                }
            } finally {
                pool.release(analyzer);
            }
        } catch (FrameRejectedException e) {
            attempt.rejectFrame();
            throw e;
        }
        return settle(events);
    }

    /** Lets timeouts fire when no frame has come for a while. */
    public Update onTick(long nowMillis) {
        if (report != null) {
            return new Update(List.of(), report);
        }
        return settle(attempt.tick(nowMillis));
    }

    private Update settle(List<AttemptEvent> events) {
        long start = System.nanoTime();
        for (AttemptEvent e : events) {
            if (e instanceof AttemptEvent.Completed completed) {
                // the identity frames' embeddings need an analyzer's network; a tick may come from a thread that
                // holds none, and must not be interrupted half-way through a decision
                FrameAnalyzer analyzer = pool.borrowUninterruptibly();
                try {
                    report = judge.judge(
                            LivenessEngine.embedIdentityFrames(completed.evidence(), analyzer, embeddings), start);
                } finally {
                    pool.release(analyzer);
                }
            }
        }
        return new Update(events, report);
    }
}
