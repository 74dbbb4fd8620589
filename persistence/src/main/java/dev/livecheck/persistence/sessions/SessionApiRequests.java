package dev.livecheck.persistence.sessions;

import dev.livecheck.persistence.support.InsertOnly;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.repository.Repository;

/** The API request behind a session, if it was created through the API; rows go with their session (cascade). */
public interface SessionApiRequests extends Repository<SessionApiRequest, UUID>, InsertOnly<SessionApiRequest> {

    Optional<SessionApiRequest> findByBusinessIdAndSessionId(UUID businessId, UUID sessionId);
}
