package dev.livecheck.persistence.users;

import dev.livecheck.persistence.support.InsertOnly;
import java.time.Instant;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

/**
 * GLOBAL by nature: a sign-in is throttled before anyone knows which business (if any) the e-mail belongs to. The
 * rows hold counts and times only, no tenant data.
 */
public interface LoginThrottles extends Repository<LoginThrottle, String>, InsertOnly<LoginThrottle> {

    @Query("SELECT * FROM login_throttle WHERE subject = :subject")
    Optional<LoginThrottle> find(@Param("subject") String subject);

    /**
     * Counts a failure atomically; a count whose last failure is older than {@code resetBefore} starts again at 1
     * (the old lockout never forgot). Returns 0 when the subject has no row yet (insert one).
     */
    @Modifying
    @Query("""
            UPDATE login_throttle SET failures = CASE WHEN last_failure_at < :resetBefore THEN 1 ELSE failures + 1 END,
            last_failure_at = :now WHERE subject = :subject""")
    int countFailure(@Param("subject") String subject, @Param("now") Instant now,
                     @Param("resetBefore") Instant resetBefore);

    @Modifying
    @Query("UPDATE login_throttle SET blocked_until = :until WHERE subject = :subject")
    int blockUntil(@Param("subject") String subject, @Param("until") Instant until);

    /** A success, or an owner clearing the account's delay. */
    @Modifying
    @Query("DELETE FROM login_throttle WHERE subject = :subject")
    int clear(@Param("subject") String subject);

    /** Housekeeping: subjects whose last failure is older than {@code before} have nothing left to hold back. */
    @Modifying
    @Query("DELETE FROM login_throttle WHERE last_failure_at < :before")
    int deleteStale(@Param("before") Instant before);
}
