package dev.livecheck.portal.sessions.report;

/** Every render slot stayed taken ({@link RenderSlots}): the caller answers 503 with Retry-After. */
public class ReportBusyException extends RuntimeException {
    /** Seconds a client should wait before it asks again. */
    public static final int RETRY_AFTER_SECONDS = 5;

    public ReportBusyException() {
        super("too many reports are being rendered; retry in " + RETRY_AFTER_SECONDS + " s");
    }
}
