package dev.livecheck.persistence.attempts;

import dev.livecheck.persistence.support.InsertOnly;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.repository.Repository;

/** Attempts, always within one business. Insert them through {@link AttemptRecorder}, not directly. */
public interface Attempts extends Repository<Attempt, UUID>, InsertOnly<Attempt>, AttemptStatistics {

    Optional<Attempt> findByBusinessIdAndId(UUID businessId, UUID id);

    List<Attempt> findAllByBusinessIdAndSessionIdOrderByAttemptNumber(UUID businessId, UUID sessionId);

    /**
     * Stored attempts of a session. No production caller (the pages read the attempts themselves): kept as the
     * tenant-scoped way the capture, API and deletion tests observe what was stored, and covered by
     * TenantIsolationTest like every finder.
     */
    long countByBusinessIdAndSessionId(UUID businessId, UUID sessionId);
}
