package dev.livecheck.persistence.users;

import dev.livecheck.persistence.support.InsertOnly;
import java.time.Instant;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

/** Browsers the users of a business signed in from. */
public interface TrustedDevices extends Repository<TrustedDevice, String>, InsertOnly<TrustedDevice> {

    @Query("""
            SELECT COUNT(*) FROM trusted_device
            WHERE business_id = :businessId AND user_id = :userId AND token_hash = :tokenHash AND created_at > :since""")
    long countValid(@Param("businessId") UUID businessId, @Param("userId") UUID userId,
                    @Param("tokenHash") String tokenHash, @Param("since") Instant since);

    /** After a password change or reset: whoever signed in before proves nothing any more. */
    @Modifying
    @Query("DELETE FROM trusted_device WHERE business_id = :businessId AND user_id = :userId")
    int deleteAllOf(@Param("businessId") UUID businessId, @Param("userId") UUID userId);
}
