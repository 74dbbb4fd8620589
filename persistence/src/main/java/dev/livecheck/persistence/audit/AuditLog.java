package dev.livecheck.persistence.audit;

import dev.livecheck.persistence.support.InsertOnly;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

/**
 * The append-only audit log: insert and read, never delete. The one update: when a session record is deleted after its
 * retention, the details of its events are dropped, so the log keeps who did what when to which ids, and no personal
 * data the record's deletion was meant to remove (a tracking id may be one).
 */
public interface AuditLog extends Repository<AuditEvent, UUID>, InsertOnly<AuditEvent> {

    /** Newest first. */
    Page<AuditEvent> findByBusinessIdOrderByOccurredAtDesc(UUID businessId, Pageable pageable);

    /** What happened to one target (a session's id, say), oldest first: the trail a session report prints. */
    List<AuditEvent> findByBusinessIdAndTargetIdOrderByOccurredAtAscIdAsc(UUID businessId, String targetId,
                                                                         Pageable pageable);
    /** Drops the details of the session's events (see the class comment); returns how many events were redacted. */
    @Modifying
    @Query("""
            UPDATE audit_event SET details = NULL
            WHERE business_id = :businessId AND target_type = 'SESSION' AND target_id = :sessionId""")
    int redactSessionDetails(@Param("businessId") UUID businessId, @Param("sessionId") String sessionId);
}
