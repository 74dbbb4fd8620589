package dev.livecheck.persistence.profiles;

import dev.livecheck.persistence.support.InsertOnly;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

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
}
