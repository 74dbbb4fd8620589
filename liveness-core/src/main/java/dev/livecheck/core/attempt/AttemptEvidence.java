package dev.livecheck.core.attempt;

import dev.livecheck.core.report.AttemptImage;
import dev.livecheck.core.vision.FrameObservation;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Everything an attempt collected, for the checks to judge.
 *
 * @param ending why the attempt stopped collecting frames
 * @param observations every analysed frame, in order
 * @param rejectedFrames frames that could not be decoded (not JPEG, truncated, too large)
 * @param repeatedFrames frames whose image was byte for byte the frame's before, not analysed (a camera's next image
 *     always differs: the same image again is a still picture sent as video)
 * @param baseline the locked frontal pose, or null if the face never locked
 * @param lockIndices first and last observation index of the lock run, or null
 * @param endIndex observation index of the final frontal frame, or -1
 * @param identityFrames the frames kept for the face-recognition comparison (reference first), embedded or not
 */
public record AttemptEvidence(
        Ending ending,
        List<Challenge> challenges,
        List<FrameObservation> observations,
        int rejectedFrames,
        int repeatedFrames,
        @Nullable Baseline baseline,
        int @Nullable [] lockIndices,
        List<ChallengeTrace> traces,
        int endIndex,
        List<AttemptImage> images,
        List<IdentityFrame> identityFrames) {

    /** Why collection stopped. */
    public enum Ending {
        /** All challenges passed and the face came back to frontal (or the end wait ran out). */
        COMPLETED,
        /** The face never became usable and frontal long enough to start. */
        NO_LOCK,
        /** A challenge was not done in time. */
        CHALLENGE_TIMEOUT,
        /** A different challenge's action was performed. */
        WRONG_ACTION,
        /** A recording ran out of frames before the attempt completed. */
        FRAMES_ENDED
    }

    public AttemptEvidence {
        challenges = List.copyOf(challenges);
        observations = List.copyOf(observations);
        traces = List.copyOf(traces);
        images = List.copyOf(images);
        identityFrames = List.copyOf(identityFrames);
    }

    /** The same evidence with these identity frames (the engine adds their embeddings before judging). */
    public AttemptEvidence withIdentityFrames(List<IdentityFrame> frames) {
        return new AttemptEvidence(ending, challenges, observations, rejectedFrames, repeatedFrames, baseline,
                lockIndices, traces, endIndex, images, frames);
    }

    public long durationMillis() {
        if (observations.isEmpty()) {
            return 0;
        }
        return observations.get(observations.size() - 1).timestampMillis() - observations.get(0).timestampMillis();
    }
}
