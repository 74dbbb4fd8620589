package dev.livecheck.portal.profiles;

import dev.livecheck.persistence.audit.AuditAction;
import dev.livecheck.persistence.audit.AuditLog;
import dev.livecheck.persistence.audit.AuditTarget;
import dev.livecheck.persistence.profiles.CheckProfile;
import dev.livecheck.persistence.sessions.RecordRetention;
import dev.livecheck.persistence.profiles.CheckProfiles;
import dev.livecheck.portal.security.PortalPrincipal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Profile changes of the signed-in user's business, each with its audit event in the same transaction. */
@Service
class ProfileService {
    private final CheckProfiles profiles;
    private final AuditLog audit;
    private final Clock clock;

    ProfileService(CheckProfiles profiles, AuditLog audit, Clock clock) {
        this.profiles = profiles;
        this.audit = audit;
        this.clock = clock;
    }

    List<CheckProfile> list(PortalPrincipal me, boolean archived) {
        return profiles.findAllByBusinessIdAndArchivedOrderByName(me.businessId(), archived);
    }

    int recordRetentionDays(PortalPrincipal me, CheckProfile profile) {
        Integer days = profiles.findRecordRetentionDays(me.businessId(), profile.id());
        return days == null ? RecordRetention.DEFAULT_DAYS : days;
    }

    Optional<CheckProfile> find(PortalPrincipal me, UUID id) {
        return profiles.findByBusinessIdAndId(me.businessId(), id);
    }

    @Transactional
    CheckProfile create(PortalPrincipal me, ProfileForm form) {
        Instant now = clock.instant();
        CheckProfile created = profiles.insert(form.toNewProfile(me.businessId(), now));
        profiles.changeRecordRetentionDays(me.businessId(), created.id(), form.getRecordRetentionDays());
        audit.insert(me.audited(AuditAction.PROFILE_CREATED, AuditTarget.PROFILE, created.id().toString(),
                created.name(), now));
        return created;
    }

    /** @throws org.springframework.dao.OptimisticLockingFailureException if someone changed it since the form was loaded */
    @Transactional
    CheckProfile update(PortalPrincipal me, CheckProfile current, ProfileForm form) {
        Instant now = clock.instant();
        CheckProfile updated = profiles.update(me.businessId(), form.applyTo(current, now), now);
        profiles.changeRecordRetentionDays(me.businessId(), updated.id(), form.getRecordRetentionDays());
        audit.insert(me.audited(AuditAction.PROFILE_UPDATED, AuditTarget.PROFILE, updated.id().toString(),
                updated.name(), now));
        return updated;
    }

    /** @return false if the profile is not in this business */
    @Transactional
    boolean archive(PortalPrincipal me, UUID id) {
        Instant now = clock.instant();
        Optional<CheckProfile> profile = find(me, id);
        if (profile.isEmpty() || profiles.archive(me.businessId(), id, now) != 1) {
            return false;
        }
        audit.insert(me.audited(AuditAction.PROFILE_ARCHIVED, AuditTarget.PROFILE, profile.get().id().toString(),
                profile.get().name(), now));
        return true;
    }
}
