package dev.livecheck.persistence.audit;

import dev.livecheck.persistence.support.InsertOnly;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.repository.Repository;

/** The append-only audit log: insert and read, never update or delete. */
public interface AuditLog extends Repository<AuditEvent, UUID>, InsertOnly<AuditEvent> {

    /** Newest first. */
    Page<AuditEvent> findByBusinessIdOrderByOccurredAtDesc(UUID businessId, Pageable pageable);

    /** What happened to one target (a session's id, say), oldest first: the trail a session report prints. */
    List<AuditEvent> findByBusinessIdAndTargetIdOrderByOccurredAtAscIdAsc(UUID businessId, String targetId,
                                                                         Pageable pageable);
}
