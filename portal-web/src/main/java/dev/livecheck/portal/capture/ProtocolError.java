package dev.livecheck.portal.capture;

import dev.livecheck.core.vision.FrameRejectedException;

/** The protocol's error codes with an English message for developers; the page shows its own translated texts. */
enum ProtocolError {
    FRAME_TOO_LARGE("The frame is larger than maxFrameBytes."),
    NOT_JPEG("The frame is not a complete JPEG image."),
    BAD_DIMENSIONS("The frame must be at most 640x480 pixels."),
    RATE_LIMITED("Too many frames per second; frames are being dropped."),
    TIMEOUT("No frames arrived for this attempt; it was abandoned and does not count."),
    SESSION_CLOSED("This verification is no longer open."),
    ATTEMPT_RUNNING("An attempt is already running."),
    ATTEMPT_IN_PROGRESS("An attempt of this session is running on another connection; try again later."),
    TOO_MANY_CONNECTIONS("Too many capture connections are open for this session or from this address."),
    BAD_MESSAGE("The message is not a capture protocol message."),
    BUSY("The server is too busy to judge this attempt fairly; it does not count. Please try again."),
    INTERNAL("The server could not finish this attempt; it does not count. Please try again.");

    private final String message;

    ProtocolError(String message) {
        this.message = message;
    }

    String message() {
        return message;
    }

    /** A truncated JPEG is as unusable as a non-JPEG, so the protocol calls both NOT_JPEG. */
    static ProtocolError of(FrameRejectedException.Reason reason) {
        return switch (reason) {
            case NOT_JPEG, FRAME_TRUNCATED -> NOT_JPEG;
            case FRAME_TOO_LARGE -> FRAME_TOO_LARGE;
            case BAD_DIMENSIONS -> BAD_DIMENSIONS;
        };
    }
}
