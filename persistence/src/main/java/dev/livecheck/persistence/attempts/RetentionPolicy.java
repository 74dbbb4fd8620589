package dev.livecheck.persistence.attempts;

import java.util.UUID;

/** Image retention of one check profile. */
public record RetentionPolicy(UUID businessId, UUID profileId, int imageRetentionDays) {
}
