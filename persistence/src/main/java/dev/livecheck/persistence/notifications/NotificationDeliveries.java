package dev.livecheck.persistence.notifications;

import dev.livecheck.persistence.support.InsertOnly;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

/**
 * The notification outbox. The portal reads it per business; the sender job (global by nature) finds due rows,
 * claims each with {@link #claim} (only the node that gets 1 sends it) and then marks it sent, to retry, or failed.
 * Rows go with their session (ON DELETE CASCADE).
 */
public interface NotificationDeliveries extends Repository<NotificationDelivery, UUID>,
        InsertOnly<NotificationDelivery> {

    Optional<NotificationDelivery> findByBusinessIdAndId(UUID businessId, UUID id);

    Page<NotificationDelivery> findByBusinessIdOrderByCreatedAtDesc(UUID businessId, Pageable pageable);

    List<NotificationDelivery> findAllByBusinessIdAndSessionIdOrderByCreatedAt(UUID businessId, UUID sessionId);

    /** GLOBAL sender job: PENDING rows due at {@code now} and not held by a live claim, in the order they fell due. */
    @Query("""
            SELECT * FROM notification_delivery
            WHERE status = 'PENDING' AND next_attempt_at <= :now AND (claimed_until IS NULL OR claimed_until < :now)
            ORDER BY next_attempt_at, created_at, id LIMIT :limit""")
    List<NotificationDelivery> findDue(Instant now, int limit);

    /**
     * GLOBAL sender job: claims one row for {@code node} until {@code until}. Safe across nodes: the conditional
     * UPDATE matches only an unclaimed (or expired-claim) PENDING row, so exactly one concurrent caller gets 1.
     */
    @Modifying
    @Query("""
            UPDATE notification_delivery SET claimed_by = :node, claimed_until = :until, version = version + 1
            WHERE id = :id AND status = 'PENDING' AND (claimed_until IS NULL OR claimed_until < :now)""")
    int claim(UUID id, String node, Instant now, Instant until);

    /** GLOBAL sender job: the claiming node got a 2xx answer. */
    @Modifying
    @Query("""
            UPDATE notification_delivery SET status = 'SENT', sent_at = :at, attempt_count = attempt_count + 1,
              last_status_code = :statusCode, last_error = NULL, claimed_by = NULL, claimed_until = NULL,
              version = version + 1
            WHERE id = :id AND status = 'PENDING' AND claimed_by = :node""")
    int markSent(UUID id, String node, Instant at, int statusCode);

    /** GLOBAL sender job: this try failed; the row is due again at {@code nextAttemptAt}. */
    @Modifying
    @Query("""
            UPDATE notification_delivery SET attempt_count = attempt_count + 1, last_status_code = :statusCode,
              last_error = :error, next_attempt_at = :nextAttemptAt, claimed_by = NULL, claimed_until = NULL,
              version = version + 1
            WHERE id = :id AND status = 'PENDING' AND claimed_by = :node""")
    int markRetry(UUID id, String node, @Nullable Integer statusCode, String error, Instant nextAttemptAt);

    /** GLOBAL sender job: the claiming node gives up (too many tries, or a reason no retry can fix). */
    @Modifying
    @Query("""
            UPDATE notification_delivery SET status = 'FAILED', attempt_count = attempt_count + 1,
              last_status_code = :statusCode, last_error = :error, claimed_by = NULL, claimed_until = NULL,
              version = version + 1
            WHERE id = :id AND status = 'PENDING' AND claimed_by = :node""")
    int markFailed(UUID id, String node, @Nullable Integer statusCode, String error);

    /** An admin sends a FAILED delivery of the business again, now; its tries so far stay counted and listed. */
    @Modifying
    @Query("""
            UPDATE notification_delivery SET status = 'PENDING', next_attempt_at = :now, version = version + 1
            WHERE business_id = :businessId AND id = :id AND status = 'FAILED'""")
    int requeue(UUID businessId, UUID id, Instant now);
}
