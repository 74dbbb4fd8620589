package dev.livecheck.core.recording;

/** A recording that does not follow the format; the message names the recording and the key. */
public final class RecordingFormatException extends Exception {

    public RecordingFormatException(String message) {
        super(message);
    }

    public RecordingFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
