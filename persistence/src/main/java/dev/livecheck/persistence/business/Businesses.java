package dev.livecheck.persistence.business;

import dev.livecheck.persistence.support.InsertOnly;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

/** The businesses (tenants). */
public interface Businesses extends Repository<Business, UUID>, InsertOnly<Business> {

    /** GLOBAL by nature: loads the business of the authenticated principal (its id is the tenant id itself). */
    Optional<Business> findById(UUID id);

    /** GLOBAL by nature: how many tenants exist (first-run setup only asks whether there is any). */
    long count();

    /** GLOBAL by nature: installation-wide events (a wrong metrics scrape token) are audited in every business. */
    @Query("SELECT id FROM business")
    List<UUID> findAllIds();

    /** Whether every ADMIN and OWNER of the business must sign in with a second factor. */
    @Query("SELECT totp_required FROM business WHERE id = :businessId")
    boolean totpRequired(@Param("businessId") UUID businessId);

    @Modifying
    @Query("UPDATE business SET totp_required = :required WHERE id = :businessId")
    int requireTotp(@Param("businessId") UUID businessId, @Param("required") boolean required);
}
