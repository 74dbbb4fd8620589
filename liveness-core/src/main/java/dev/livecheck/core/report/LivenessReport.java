package dev.livecheck.core.report;

import dev.livecheck.core.attempt.Challenge;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The engine's verdict on one attempt.
 *
 * @param reason null on APPROVE, else the code of the first failing sub-check (e.g. {@code FLAT_SURFACE})
 * @param challenges the challenges the attempt asked for, in order
 * @param frames frames received; {@code analyzedFrames} those that could be analysed
 * @param durationMillis from the first to the last frame
 * @param decisionMillis wall time spent deciding after the last frame
 */
public record LivenessReport(
        Recommendation recommendation,
        @Nullable String reason,
        List<Challenge> challenges,
        List<SubCheck> subChecks,
        List<AttemptImage> images,
        int frames,
        int analyzedFrames,
        long durationMillis,
        long decisionMillis) {

    public LivenessReport {
        challenges = List.copyOf(challenges);
        subChecks = List.copyOf(subChecks);
        images = List.copyOf(images);
    }

    /**
     * Whether the attempt failed on a reason that a gap between analysed frames causes on its own
     * ({@link Reasons#FRAME_GAP}, {@link Reasons#FACE_CUT}: a head that turned between two frames far apart looks
     * like a cut), so a caller that dropped frames knows it may have caused the failure.
     */
    public boolean failedOnAFrameGap() {
        return recommendation != Recommendation.APPROVE
                && (Reasons.FRAME_GAP.equals(reason) || Reasons.FACE_CUT.equals(reason));
    }

    /**
     * Whether the attempt failed on a reason that too few or too late frames cause on their own: a gap
     * ({@link #failedOnAFrameGap}), a challenge whose hold fell between the frames that arrived
     * ({@link Reasons#CHALLENGE_TIMEOUT}), a face that seemed to jump between frames far apart
     * ({@link Reasons#FRAME_JUMP}). A caller that knows the frames were starved (the machine saturated) knows it may
     * have caused the failure.
     */
    public boolean failedOnSparseFrames() {
        if (recommendation == Recommendation.APPROVE) {
            return false;
        }
        return failedOnAFrameGap() || Reasons.CHALLENGE_TIMEOUT.equals(reason) || Reasons.FRAME_JUMP.equals(reason);
    }

    /**
     * Analysed frames per second over the attempt ({@code analyzedFrames} over {@code durationMillis}); 0 for an
     * attempt of one frame or none. The engine's accuracy is measured down to 6 analysed frames a second
     * (docs/accuracy.md, "Frame rate"); a caller can tell when a verdict rests on thinner evidence than that.
     */
    public double analyzedFramesPerSecond() {
        return durationMillis <= 0 ? 0 : analyzedFrames * 1000.0 / durationMillis;
    }

    public LivenessAuth livenessAuth() {
        return recommendation == Recommendation.APPROVE ? LivenessAuth.PASS : LivenessAuth.FAIL;
    }

    public Optional<SubCheck> subCheck(String name) {
        return subChecks.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    public Optional<AttemptImage> image(AttemptImage.Role role) {
        return images.stream().filter(i -> i.role() == role).findFirst();
    }
}
