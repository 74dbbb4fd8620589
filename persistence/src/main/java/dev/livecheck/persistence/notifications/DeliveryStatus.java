package dev.livecheck.persistence.notifications;

/** State of a notification delivery: waiting (also between retries), delivered (2xx), or given up. */
public enum DeliveryStatus {
    PENDING, SENT, FAILED
}
