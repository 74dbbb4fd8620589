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

    /** The bytes of one image of the session, by its id; empty if unknown in this business and session, or purged. */
    Optional<MediaContent> findContentById(UUID businessId, UUID sessionId, UUID mediaId);

    /**
     * Drops the bytes of one image of the session now (the API's delete), keeping size and SHA-256.
     *
     * @return 1 if purged, 0 if unknown in this business and session or already purged
     */
    int purgeById(UUID businessId, UUID sessionId, UUID mediaId, Instant now);

    /** GLOBAL lifecycle job: the businesses with unpurged images of API sessions whose resources expired. */
    List<UUID> findBusinessesWithExpiredApiResources(Instant now);

    /**
     * Drops the bytes of the business's images whose API session's {@code resources_expire_at} is before
     * {@code now}; returns how many were purged.
     */
    int purgeExpiredApiResources(UUID businessId, Instant now);

    /** GLOBAL lifecycle job: the image retention of every profile of every business. */
    List<RetentionPolicy> findAllRetentionPolicies();

    /** Drops the bytes of the profile's images created before {@code cutoff}; returns how many were purged. */
    int purgeCreatedBefore(UUID businessId, UUID profileId, Instant cutoff, Instant now);
}
