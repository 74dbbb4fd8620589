package dev.livecheck.core.attempt;

/** What the capture page should tell the person; names are the capture protocol's guidance codes. */
public enum GuidanceCode {
    NO_FACE,
    MULTIPLE_FACES,
    MOVE_CLOSER,
    MOVE_BACK,
    CENTER_FACE,
    HOLD_STILL,
    TOO_DARK,
    TOO_BRIGHT
}
