package dev.livecheck.persistence.audit;

import dev.livecheck.persistence.support.InsertOnly;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.repository.Repository;

/** The append-only audit log: insert and read, never update or delete. */
public interface AuditLog extends Repository<AuditEvent, UUID>, InsertOnly<AuditEvent> {

    /** Newest first. */
    Page<AuditEvent> findByBusinessIdOrderByOccurredAtDesc(UUID businessId, Pageable pageable);
}
