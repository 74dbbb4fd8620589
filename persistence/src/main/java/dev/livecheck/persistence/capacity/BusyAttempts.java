package dev.livecheck.persistence.capacity;

import dev.livecheck.persistence.support.InsertOnly;
import java.util.List;
import java.util.UUID;
import org.springframework.data.repository.Repository;

/** Attempts cut short by the server, per session; always read within one business. */
public interface BusyAttempts extends Repository<BusyAttempt, UUID>, InsertOnly<BusyAttempt> {

    List<BusyAttempt> findAllByBusinessIdAndSessionIdOrderByCreatedAt(UUID businessId, UUID sessionId);

    long countByBusinessIdAndSessionId(UUID businessId, UUID sessionId);
}
