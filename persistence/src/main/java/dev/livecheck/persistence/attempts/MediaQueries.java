package dev.livecheck.persistence.attempts;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Fragment of {@link MediaFiles}. */
public interface MediaQueries {

    /** Metadata (no bytes) of every image of the session's attempts. */
    List<MediaMetadata> findMetadataBySession(UUID businessId, UUID sessionId);

    /** The bytes of one image; empty if unknown in this business or purged. */
    Optional<MediaContent> findContent(UUID businessId, UUID attemptId, MediaRole role);

    /** GLOBAL lifecycle job: the image retention of every profile of every business. */
    List<RetentionPolicy> findAllRetentionPolicies();

    /** Drops the bytes of the profile's images created before {@code cutoff}; returns how many were purged. */
    int purgeCreatedBefore(UUID businessId, UUID profileId, Instant cutoff, Instant now);
}
