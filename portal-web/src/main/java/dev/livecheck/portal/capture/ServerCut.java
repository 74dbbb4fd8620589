package dev.livecheck.portal.capture;

import dev.livecheck.core.report.LivenessReport;
import dev.livecheck.core.report.Recommendation;

/**
 * When an attempt's evidence was cut by the server rather than by the person: the engine fell behind and dropped more
 * than {@link #MAX_DROPPED_SHARE} of the frames this attempt was given (after the even subsample to its share, so
 * these are frames the server promised to analyse), or dropped any of them when the attempt failed on a reason that
 * a gap between analysed frames causes on its own ({@link LivenessReport#failedOnAFrameGap()}; measured at 60
 * concurrent users: one bona fide attempt rejected FACE_CUT after the engine's queue dropped some of its frames), or
 * the whole machine was saturated ({@link MachineLoad}) while it ran and it failed on a reason that late or sparse
 * frames cause on their own ({@link LivenessReport#failedOnSparseFrames()}: a camera client starved of CPU on a busy
 * host sends what it can, and the hold it performed falls between its frames). Such an attempt is never held against
 * the person unless it was approved anyway: it ends with {@code error BUSY}, is not counted, and the same challenges
 * are asked again; nothing is ever approved for it.
 */
final class ServerCut {

    /** A fifth of the promised frames lost: challenges are then seen with gaps the person did not cause. */
    static final double MAX_DROPPED_SHARE = 0.2;

    private ServerCut() {
    }

    /** @param machineSaturated the machine's CPU was saturated while the attempt ran ({@link MachineLoad}) */
    static boolean cut(LivenessReport report, int framesOffered, int framesDropped, boolean machineSaturated) {
        if (report.recommendation() == Recommendation.APPROVE) {
            return false;
        }
        if (machineSaturated && report.failedOnSparseFrames()) {
            return true;
        }
        if (framesOffered <= 0 || framesDropped <= 0) {
            return false;
        }
        return framesDropped > MAX_DROPPED_SHARE * framesOffered || report.failedOnAFrameGap();
    }
}
