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
 * host sends what it can, and the hold it performed falls between its frames), or on any reason when so few frames
 * arrived that the engine judged thinner evidence than its accuracy was measured on (below {@link #THIN_EVIDENCE_FPS};
 * measured with live-rendered users at 60: a bona fide SCREEN_REPLAY and an IDENTITY_CHANGE, each on about 3 frames a
 * second). Such an attempt is never held against the person unless it was approved anyway: it ends with
 * {@code error BUSY}, is not counted, and the same challenges are asked again; nothing is ever approved for it. Only
 * {@link #MAX_BUSY_PER_SESSION} attempts of a session are answered so ({@link AttemptResults#disposition}).
 */
final class ServerCut {

    /** A fifth of the promised frames lost: challenges are then seen with gaps the person did not cause. */
    static final double MAX_DROPPED_SHARE = 0.2;
    /**
     * Analysed frames per second below which a verdict rests on thinner evidence than the engine's accuracy was
     * measured on: three quarters of the floor rate, since an attempt at the floor gets 6-8 analysed frames a second
     * ({@link dev.livecheck.core.engine.FrameSampler}) and the server never gives it less.
     */
    static final double THIN_EVIDENCE_FPS = 0.75 * CaptureLoad.FLOOR_FPS;
    /**
     * BUSY answers one session gets; its later attempts are judged on what arrived and counted. A BUSY attempt is not
     * counted, so without a limit a saturated server would give a presentation attack (which the thin-evidence rule
     * can answer BUSY) as many tries as it liked. Five: the most one live user got at 60 users was two.
     */
    static final int MAX_BUSY_PER_SESSION = 5;

    private ServerCut() {
    }

    /** @param machineSaturated the machine's CPU was saturated while the attempt ran ({@link MachineLoad}) */
    static boolean cut(LivenessReport report, int framesOffered, int framesDropped, boolean machineSaturated) {
        if (report.recommendation() == Recommendation.APPROVE) {
            return false;
        }
        if (machineSaturated
                && (report.failedOnSparseFrames() || report.analyzedFramesPerSecond() < THIN_EVIDENCE_FPS)) {
            return true;
        }
        if (framesOffered <= 0 || framesDropped <= 0) {
            return false;
        }
        return framesDropped > MAX_DROPPED_SHARE * framesOffered || report.failedOnAFrameGap();
    }
}
