package dev.livecheck.portal.applications;

import dev.livecheck.persistence.applications.ApiApplication;
import dev.livecheck.persistence.applications.ApiApplications;
import dev.livecheck.persistence.audit.AuditAction;
import dev.livecheck.persistence.audit.AuditLog;
import dev.livecheck.persistence.audit.AuditTarget;
import dev.livecheck.persistence.profiles.CheckProfile;
import dev.livecheck.persistence.profiles.CheckProfiles;
import dev.livecheck.portal.email.LinkSealer;
import dev.livecheck.portal.security.PortalPrincipal;
import java.nio.BufferUnderflowException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** API applications of the signed-in user's business, each change with its audit event in the same transaction. */
@Service
class ApplicationService {

    /** What became of a revocation. */
    enum Revocation {
        REVOKED,
        ALREADY_REVOKED,
        NOT_FOUND
    }

    /** 32 random bytes: an HMAC-SHA256 key as long as the hash. */
    private static final int NOTIFICATION_SECRET_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ApiApplications applications;
    private final CheckProfiles profiles;
    private final AuditLog audit;
    private final LinkSealer sealer;
    private final Clock clock;

    ApplicationService(ApiApplications applications, CheckProfiles profiles, AuditLog audit, LinkSealer sealer,
                       Clock clock) {
        this.applications = applications;
        this.profiles = profiles;
        this.audit = audit;
        this.sealer = sealer;
        this.clock = clock;
    }

    /** Newest first. */
    List<ApiApplication> list(PortalPrincipal me) {
        return applications.findAllByBusinessIdOrderByCreatedAtDesc(me.businessId());
    }

    Optional<ApiApplication> find(PortalPrincipal me, UUID id) {
        return applications.findByBusinessIdAndId(me.businessId(), id);
    }

    /** The profiles a new application may use: this business's, not archived. */
    List<CheckProfile> activeProfiles(PortalPrincipal me) {
        return profiles.findAllByBusinessIdAndArchivedOrderByName(me.businessId(), false);
    }

    Optional<CheckProfile> activeProfile(PortalPrincipal me, UUID id) {
        return profiles.findByBusinessIdAndId(me.businessId(), id).filter(profile -> !profile.archived());
    }

    /** Any profile of this business, archived ones too (an application keeps the profile it was created with). */
    Optional<CheckProfile> profile(PortalPrincipal me, UUID id) {
        return profiles.findByBusinessIdAndId(me.businessId(), id);
    }

    /** Profile id → name for every profile of this business, archived ones too, for the list of applications. */
    Map<UUID, String> profileNames(PortalPrincipal me) {
        return Stream.of(false, true)
                .flatMap(archived -> profiles.findAllByBusinessIdAndArchivedOrderByName(me.businessId(), archived)
                        .stream())
                .collect(Collectors.toMap(CheckProfile::id, CheckProfile::name));
    }

    /**
     * Stores the application with the public half of {@code key} and a new notification secret, sealed under the link
     * key like every secret the database must not reveal. The private key (if generated) goes nowhere from here.
     */
    @Transactional
    ApiApplication create(PortalPrincipal me, ApplicationForm form, List<String> allowedOrigins, ApplicationKey key) {
        Instant now = clock.instant();
        ApiApplication created = applications.insert(ApiApplication.create(me.businessId(), form.getName(),
                form.getProfileId(), key.publicKeyBase64(), key.publicKeySha256(), allowedOrigins,
                sealer.sealValue(newNotificationSecret()), me.userId(), now));
        audit.insert(me.audited(AuditAction.APPLICATION_CREATED, AuditTarget.API_APPLICATION, created.id().toString(),
                created.name() + " (key " + key.source().name().toLowerCase(Locale.ROOT) + ")", now));
        return created;
    }

    /** From the next request on, the API answers this application's signatures with 401. */
    @Transactional
    Revocation revoke(PortalPrincipal me, UUID id) {
        Optional<ApiApplication> found = find(me, id);
        if (found.isEmpty()) {
            return Revocation.NOT_FOUND;
        }
        Instant now = clock.instant();
        if (applications.revoke(me.businessId(), id, now) != 1) {
            return Revocation.ALREADY_REVOKED;
        }
        audit.insert(me.audited(AuditAction.APPLICATION_REVOKED, AuditTarget.API_APPLICATION,
                found.get().id().toString(), found.get().name(), now));
        return Revocation.REVOKED;
    }

    /**
     * The secret that signs this application's notifications ({@code X-Livecheck-Signature}); empty if it cannot be
     * opened because the link key changed since it was sealed.
     */
    Optional<String> notificationSecret(ApiApplication application) {
        try {
            return Optional.of(sealer.openValue(application.notificationSecretSealed()));
        } catch (IllegalStateException | IllegalArgumentException | BufferUnderflowException unreadable) {
            return Optional.empty();
        }
    }

    private static String newNotificationSecret() {
        byte[] secret = new byte[NOTIFICATION_SECRET_BYTES];
        RANDOM.nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }
}
