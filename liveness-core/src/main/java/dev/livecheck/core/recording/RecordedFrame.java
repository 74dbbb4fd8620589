package dev.livecheck.core.recording;

/**
 * One frame of a recording: its file name inside the recording, the
 * milliseconds since the first frame and the JPEG bytes.
 */
public record RecordedFrame(String file, long t, byte[] jpeg) {
}
