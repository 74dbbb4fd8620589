package dev.livecheck.persistence.users;

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

/** The portal users of every business; all methods but the login lookup are scoped by business. */
public interface PortalUsers extends Repository<PortalUser, UUID>, InsertOnly<PortalUser> {

    /** GLOBAL by nature: authentication knows only the login e-mail. The argument is lower-cased by the query. */
    @Query("SELECT * FROM portal_user WHERE email = LOWER(:email)")
    Optional<PortalUser> findByLoginEmail(@Param("email") String email);

    Optional<PortalUser> findByBusinessIdAndId(UUID businessId, UUID id);

    List<PortalUser> findAllByBusinessIdOrderByEmail(UUID businessId);

    long countByBusinessIdAndRoleAndEnabled(UUID businessId, Role role, boolean enabled);

    /**
     * Locks the business's enabled OWNER rows until the transaction ends and returns their ids. Call it before
     * demoting or disabling an owner and counting the rest: two owners demoting each other at the same moment (on two
     * nodes) would otherwise both still see the other as owner and leave the business without one. The second waits
     * here and then reads the first one's committed change.
     */
    @Query("""
            SELECT id FROM portal_user WHERE business_id = :businessId AND role = 'OWNER' AND enabled = TRUE
            FOR UPDATE""")
    List<UUID> lockEnabledOwners(@Param("businessId") UUID businessId);

    /** Changes name, role and enabled flag; returns the number of rows changed (0: unknown in this business). */
    @Modifying
    @Query("""
            UPDATE portal_user SET display_name = :displayName, role = :role, enabled = :enabled, version = version + 1
            WHERE business_id = :businessId AND id = :id""")
    int updateAccount(UUID businessId, UUID id, String displayName, Role role, boolean enabled);

    /**
     * Stores a new encoded password hash.
     *
     * @param changeRequired true when an owner set it (the user must choose their own at the next sign-in)
     */
    @Modifying
    @Query("""
            UPDATE portal_user SET password_hash = :passwordHash, password_change_required = :changeRequired,
            version = version + 1 WHERE business_id = :businessId AND id = :id""")
    int changePasswordHash(UUID businessId, UUID id, String passwordHash, boolean changeRequired);

    /** Sets (sealed secret) or removes (null) the user's TOTP second factor. */
    @Modifying
    @Query("""
            UPDATE portal_user SET totp_secret = :sealedSecret, totp_last_step = NULL, version = version + 1
            WHERE business_id = :businessId AND id = :id""")
    int changeTotpSecret(UUID businessId, UUID id, @Nullable String sealedSecret);

    /**
     * Accepts a TOTP code's time step once: 1 if {@code step} is later than any accepted before (now recorded), 0 if
     * it was used already (a replayed code) or the user is not in this business.
     */
    @Modifying
    @Query("""
            UPDATE portal_user SET totp_last_step = :step
            WHERE business_id = :businessId AND id = :id AND (totp_last_step IS NULL OR totp_last_step < :step)""")
    int acceptTotpStep(UUID businessId, UUID id, long step);

    @Modifying
    @Query("""
            UPDATE portal_user SET last_login_at = :at, version = version + 1
            WHERE business_id = :businessId AND id = :id""")
    int recordLoginSuccess(UUID businessId, UUID id, Instant at);
}
