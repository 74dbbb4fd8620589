package dev.livecheck.persistence.profiles;

import java.time.Instant;
import java.util.UUID;

/** Fragment of {@link CheckProfiles}: optimistic, business-scoped update of every editable field. */
public interface CheckProfileUpdates {

    /**
     * Writes the editable fields of {@code changed} (loaded earlier, carrying the version it was read with).
     *
     * @return the profile as stored, with its new version
     * @throws org.springframework.dao.OptimisticLockingFailureException if it changed meanwhile or is not in this business
     */
    CheckProfile update(UUID businessId, CheckProfile changed, Instant at);
}
