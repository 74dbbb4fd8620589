package dev.livecheck.persistence.applications;

import dev.livecheck.persistence.support.InsertOnly;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

/** API applications; every method is scoped by business except the signature check's lookup by SDK ID. */
public interface ApiApplications extends Repository<ApiApplication, UUID>, InsertOnly<ApiApplication> {

    /** GLOBAL by nature: a signed request names only its SDK ID; the application found IS the caller's tenant. */
    @Query("SELECT * FROM api_application WHERE id = :sdkId")
    Optional<ApiApplication> findBySdkId(UUID sdkId);

    Optional<ApiApplication> findByBusinessIdAndId(UUID businessId, UUID id);

    List<ApiApplication> findAllByBusinessIdOrderByCreatedAtDesc(UUID businessId);

    /** @return 1 if an active application of this business was revoked, else 0 */
    @Modifying
    @Query("""
            UPDATE api_application SET revoked_at = :at, version = version + 1
            WHERE business_id = :businessId AND id = :id AND revoked_at IS NULL""")
    int revoke(UUID businessId, UUID id, Instant at);

    /**
     * Records use by an authenticated request; callers pass {@code unlessSince} (e.g. a minute ago) so a busy
     * application does not rewrite its row on every request.
     */
    @Modifying
    @Query("""
            UPDATE api_application SET last_used_at = :at
            WHERE business_id = :businessId AND id = :id AND (last_used_at IS NULL OR last_used_at < :unlessSince)""")
    int markUsed(UUID businessId, UUID id, Instant at, Instant unlessSince);
}
