package dev.livecheck.persistence.notifications;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What a notification is about, named exactly as the IDV session API and its SDKs name the topics a session
 * subscribes to: the one list both the API (what a session may ask for) and the notification outbox use.
 */
public enum NotificationTopic {
    /** An attempt's images (its liveness resource) were stored. */
    RESOURCE_UPDATE,
    /**
     * Accepted because the SDKs offer it, never sent: a liveness session has no tasks. (Not in the delivery table's
     * CHECK constraint for that reason.)
     */
    TASK_COMPLETION,
    /** An attempt's liveness check was decided. */
    CHECK_COMPLETION,
    /** The session completed: approved, out of attempts, cancelled or expired. */
    SESSION_COMPLETION,
    /** The session's client session token stopped working: it expired or the session was cancelled. */
    CLIENT_SESSION_TOKEN_DELETED;

    /** The topics that are ever delivered: all but {@link #TASK_COMPLETION}. */
    public static List<NotificationTopic> delivered() {
        return Arrays.stream(values()).filter(t -> t != TASK_COMPLETION).toList();
    }

    /** The topic a caller wrote, in any letter case (Yoti's own examples use lower case for this one); else empty. */
    public static Optional<NotificationTopic> parse(@Nullable String name) {
        String wanted = name == null ? "" : name.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(t -> t.name().equals(wanted)).findFirst();
    }
}
