package dev.livecheck.persistence.users;

import dev.livecheck.persistence.support.InsertOnly;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

/** The recovery codes of the users of a business. */
public interface RecoveryCodes extends Repository<RecoveryCode, String>, InsertOnly<RecoveryCode> {

    /** Uses a code: 1 if it was the user's and unused (now gone), 0 otherwise. One statement, so never used twice. */
    @Modifying
    @Query("DELETE FROM recovery_code WHERE business_id = :businessId AND user_id = :userId AND code_hash = :codeHash")
    int use(@Param("businessId") UUID businessId, @Param("userId") UUID userId, @Param("codeHash") String codeHash);

    @Query("SELECT COUNT(*) FROM recovery_code WHERE business_id = :businessId AND user_id = :userId")
    long countOf(@Param("businessId") UUID businessId, @Param("userId") UUID userId);

    @Modifying
    @Query("DELETE FROM recovery_code WHERE business_id = :businessId AND user_id = :userId")
    int deleteAllOf(@Param("businessId") UUID businessId, @Param("userId") UUID userId);
}
