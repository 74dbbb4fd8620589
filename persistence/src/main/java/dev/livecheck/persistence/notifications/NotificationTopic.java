package dev.livecheck.persistence.notifications;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a notification is about, named exactly as the IDV session API and its SDKs name the topics a session
 * subscribes to. ({@code TASK_COMPLETION} exists there too; a liveness session has no tasks, so it never fires.)
 */
public enum NotificationTopic {
    /** An attempt's images (its liveness resource) were stored. */
    RESOURCE_UPDATE,
    /** An attempt's liveness check was decided. */
    CHECK_COMPLETION,
    /** The session completed: approved, out of attempts, cancelled or expired. */
    SESSION_COMPLETION,
    /** The session's client session token stopped working: it expired or the session was cancelled. */
    CLIENT_SESSION_TOKEN_DELETED;

    /** The topic a caller wrote, in any letter case (Yoti's own examples use lower case for this one); else empty. */
    public static Optional<NotificationTopic> parse(String name) {
        String wanted = name == null ? "" : name.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(t -> t.name().equals(wanted)).findFirst();
    }
}
