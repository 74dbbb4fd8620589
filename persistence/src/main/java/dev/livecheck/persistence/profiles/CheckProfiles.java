package dev.livecheck.persistence.profiles;

import dev.livecheck.persistence.support.InsertOnly;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

/** Check profiles, always within one business. */
public interface CheckProfiles extends Repository<CheckProfile, UUID>, InsertOnly<CheckProfile>, CheckProfileUpdates {

    Optional<CheckProfile> findByBusinessIdAndId(UUID businessId, UUID id);

    List<CheckProfile> findAllByBusinessIdAndArchivedOrderByName(UUID businessId, boolean archived);

    /** Archived profiles keep their sessions but can no longer start new ones. */
    @Modifying
    @Query("""
            UPDATE check_profile SET archived = TRUE, updated_at = :at, version = version + 1
            WHERE business_id = :businessId AND id = :id""")
    int archive(UUID businessId, UUID id, Instant at);

    /** Days the profile keeps its session records (V6 column, default 365); null when not in this business. */
    @Query("SELECT record_retention_days FROM check_profile WHERE business_id = :businessId AND id = :id")
    @Nullable Integer findRecordRetentionDays(@Param("businessId") UUID businessId, @Param("id") UUID id);

    @Modifying
    @Query("UPDATE check_profile SET record_retention_days = :days WHERE business_id = :businessId AND id = :id")
    int changeRecordRetentionDays(@Param("businessId") UUID businessId, @Param("id") UUID id, @Param("days") int days);
}
