package dev.livecheck.persistence.outbox;

import dev.livecheck.persistence.support.InsertOnly;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

/**
 * The e-mail outbox. The portal reads it per business; the sender job (global by nature) finds due rows, claims each
 * with {@link #claim} (only the node that gets 1 sends it) and then marks it sent, to retry, or failed.
 */
public interface Outbox extends Repository<EmailOutbox, UUID>, InsertOnly<EmailOutbox> {

    Optional<EmailOutbox> findByBusinessIdAndId(UUID businessId, UUID id);

    Page<EmailOutbox> findByBusinessIdOrderByCreatedAtDesc(UUID businessId, Pageable pageable);

    List<EmailOutbox> findAllByBusinessIdAndSessionIdOrderByCreatedAt(UUID businessId, UUID sessionId);

    /** GLOBAL sender job: PENDING rows due at {@code now} and not claimed by a live claim, oldest first. */
    @Query("""
            SELECT * FROM email_outbox
            WHERE status = 'PENDING' AND next_attempt_at <= :now AND (claimed_until IS NULL OR claimed_until < :now)
            ORDER BY next_attempt_at, id LIMIT :limit""")
    List<EmailOutbox> findDue(Instant now, int limit);

    /**
     * GLOBAL sender job: claims one row for {@code node} until {@code until}. Safe across nodes: the conditional
     * UPDATE matches only an unclaimed (or expired-claim) PENDING row, so exactly one concurrent caller gets 1.
     */
    @Modifying
    @Query("""
            UPDATE email_outbox SET claimed_by = :node, claimed_until = :until, version = version + 1
            WHERE id = :id AND status = 'PENDING' AND (claimed_until IS NULL OR claimed_until < :now)""")
    int claim(UUID id, String node, Instant now, Instant until);

    /** GLOBAL sender job: the claiming node reports success. */
    @Modifying
    @Query("""
            UPDATE email_outbox SET status = 'SENT', sent_at = :at, attempt_count = attempt_count + 1,
              last_error = NULL, claimed_by = NULL, claimed_until = NULL, version = version + 1
            WHERE id = :id AND status = 'PENDING' AND claimed_by = :node""")
    int markSent(UUID id, String node, Instant at);

    /** GLOBAL sender job: the claiming node failed this time; the row is due again at {@code nextAttemptAt}. */
    @Modifying
    @Query("""
            UPDATE email_outbox SET attempt_count = attempt_count + 1, last_error = :error,
              next_attempt_at = :nextAttemptAt, claimed_by = NULL, claimed_until = NULL, version = version + 1
            WHERE id = :id AND status = 'PENDING' AND claimed_by = :node""")
    int markRetry(UUID id, String node, String error, Instant nextAttemptAt);

    /** GLOBAL sender job: the claiming node gives up (e.g. after too many attempts or a permanent error). */
    @Modifying
    @Query("""
            UPDATE email_outbox SET status = 'FAILED', attempt_count = attempt_count + 1, last_error = :error,
              claimed_by = NULL, claimed_until = NULL, version = version + 1
            WHERE id = :id AND status = 'PENDING' AND claimed_by = :node""")
    int markFailed(UUID id, String node, String error);

    /**
     * Deleting a session deletes its e-mails too: they carry the recipient's name and address, and a pending one would
     * still send a link that leads nowhere. (A send already in flight on another node may still go out once.)
     */
    @Modifying
    @Query("DELETE FROM email_outbox WHERE business_id = :businessId AND session_id = :sessionId")
    int deleteByBusinessIdAndSessionId(UUID businessId, UUID sessionId);

    /** An admin re-queues a FAILED e-mail of the business. */
    @Modifying
    @Query("""
            UPDATE email_outbox SET status = 'PENDING', next_attempt_at = :now, version = version + 1
            WHERE business_id = :businessId AND id = :id AND status = 'FAILED'""")
    int requeue(UUID businessId, UUID id, Instant now);
}
