package dev.livecheck.core.attempt;

/** What happened in an attempt after a frame or a clock tick, in the order it happened. */
public sealed interface AttemptEvent {

    /** The face is not usable yet; tell the person how to fix it. */
    record Guidance(GuidanceCode code) implements AttemptEvent {
    }

    /** Challenge {@code step} of {@code of} is now asked for. */
    record ChallengeIssued(int step, int of, Challenge action) implements AttemptEvent {
    }

    /** Challenge {@code step} was performed and held. */
    record ChallengePassed(int step) implements AttemptEvent {
    }

    /** No more frames are needed; the evidence is ready to be judged. */
    record Completed(AttemptEvidence evidence) implements AttemptEvent {
    }
}
