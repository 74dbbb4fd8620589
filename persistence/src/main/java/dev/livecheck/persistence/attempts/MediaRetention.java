package dev.livecheck.persistence.attempts;

import dev.livecheck.persistence.audit.AuditAction;
import dev.livecheck.persistence.audit.AuditEvent;
import dev.livecheck.persistence.audit.AuditLog;
import dev.livecheck.persistence.audit.AuditTarget;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Lifecycle job (global by nature): drops image bytes older than their profile's retention, and those of API sessions
 * whose {@code resources_expire_at} passed (whichever comes first), keeping size and SHA-256, and records one
 * MEDIA_PURGED audit event per business that lost images.
 */
@Service
public class MediaRetention {
    private final MediaFiles media;
    private final AuditLog audit;

    public MediaRetention(MediaFiles media, AuditLog audit) {
        this.media = media;
        this.audit = audit;
    }

    /** @return the number of images purged */
    @Transactional
    public int purgeExpired(Instant now) {
        Map<UUID, Integer> perBusiness = new HashMap<>();
        for (RetentionPolicy p : media.findAllRetentionPolicies()) {
            Instant cutoff = now.minus(Duration.ofDays(p.imageRetentionDays()));
            int purged = media.purgeCreatedBefore(p.businessId(), p.profileId(), cutoff, now);
            if (purged > 0) {
                perBusiness.merge(p.businessId(), purged, Integer::sum);
            }
        }
        for (UUID businessId : media.findBusinessesWithExpiredApiResources(now)) {
            int purged = media.purgeExpiredApiResources(businessId, now);
            if (purged > 0) {
                perBusiness.merge(businessId, purged, Integer::sum);
            }
        }
        perBusiness.forEach((businessId, count) -> audit.insert(AuditEvent.bySystem(businessId,
                AuditAction.MEDIA_PURGED, AuditTarget.MEDIA, null, count + " images past retention", now)));
        return perBusiness.values().stream().mapToInt(Integer::intValue).sum();
    }
}
