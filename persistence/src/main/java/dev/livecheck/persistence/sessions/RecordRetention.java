package dev.livecheck.persistence.sessions;

import java.util.UUID;

/** How many days a check profile keeps its session records (attempts, images, e-mails, deliveries) after creation. */
public record RecordRetention(UUID businessId, UUID profileId, int days) {
    /** The range and default of {@code check_profile.record_retention_days} (V6's CHECK and DEFAULT agree). */
    public static final int MIN_DAYS = 1;
    public static final int MAX_DAYS = 3650;
    public static final int DEFAULT_DAYS = 365;
}
