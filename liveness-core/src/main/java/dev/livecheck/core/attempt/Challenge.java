package dev.livecheck.core.attempt;

/**
 * An action the server asks for, from the person's own point of view (the
 * recording format's vocabulary). In an unmirrored frame TURN_LEFT moves the
 * nose toward the image's right edge.
 */
public enum Challenge {
    TURN_LEFT,
    TURN_RIGHT,
    LOOK_UP,
    LOOK_DOWN,
    MOVE_CLOSER
}
