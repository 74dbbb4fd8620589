package dev.livecheck.core.vision;

/**
 * A camera frame that cannot be analysed: not a JPEG, too large, truncated or
 * with absurd dimensions. Carries a machine-readable code that the capture
 * protocol sends back ({@code NOT_JPEG}, {@code FRAME_TOO_LARGE}, ...).
 */
public final class FrameRejectedException extends Exception {

    /** Why a frame was refused; names match the capture protocol's error codes. */
    public enum Reason { NOT_JPEG, FRAME_TOO_LARGE, FRAME_TRUNCATED, BAD_DIMENSIONS }

    private final Reason reason;

    public FrameRejectedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
