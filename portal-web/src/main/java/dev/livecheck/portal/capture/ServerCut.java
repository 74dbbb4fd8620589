package dev.livecheck.portal.capture;

import dev.livecheck.core.report.LivenessReport;
import dev.livecheck.core.report.Recommendation;

/**
 * When an attempt's evidence was cut by the server rather than by the person: the engine fell behind and dropped more
 * than {@link #MAX_DROPPED_SHARE} of the frames this attempt was given (after the even subsample to its share, so
 * these are frames the server promised to analyse). Such an attempt is never held against the person unless it was
 * approved anyway: it ends with {@code error BUSY} and is not counted.
 */
final class ServerCut {

    /** A fifth of the promised frames lost: challenges are then seen with gaps the person did not cause. */
    static final double MAX_DROPPED_SHARE = 0.2;

    private ServerCut() {
    }

    static boolean cut(LivenessReport report, int framesOffered, int framesDropped) {
        return report.recommendation() != Recommendation.APPROVE && framesOffered > 0
                && framesDropped > MAX_DROPPED_SHARE * framesOffered;
    }
}
