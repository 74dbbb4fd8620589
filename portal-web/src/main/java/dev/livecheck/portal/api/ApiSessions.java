package dev.livecheck.portal.api;

import dev.livecheck.persistence.attempts.AttemptQueries;
import dev.livecheck.persistence.attempts.AttemptView;
import dev.livecheck.persistence.attempts.MediaContent;
import dev.livecheck.persistence.attempts.MediaFiles;
import dev.livecheck.persistence.audit.AuditAction;
import dev.livecheck.persistence.audit.AuditEvent;
import dev.livecheck.persistence.audit.AuditLog;
import dev.livecheck.persistence.audit.AuditTarget;
import dev.livecheck.persistence.profiles.CheckProfile;
import dev.livecheck.persistence.profiles.CheckProfiles;
import dev.livecheck.persistence.sessions.CaptureTokens;
import dev.livecheck.persistence.sessions.SessionApiRequest;
import dev.livecheck.persistence.sessions.SessionApiRequests;
import dev.livecheck.persistence.sessions.VerificationSession;
import dev.livecheck.persistence.sessions.VerificationSessions;
import dev.livecheck.portal.email.LinkSealer;
import dev.livecheck.portal.sessions.SessionDeletion;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The session API's reads and writes. Which sessions an application sees: those its business created through the
 * API, by any of the business's applications (an application is a business's integration, not a tenant of its own);
 * sessions created in the portal, and everything of other businesses, are not found.
 */
@Service
class ApiSessions {

    /** A created session and its client session token, which exists in readable form only in this value. */
    record Created(UUID sessionId, String clientSessionToken, int clientSessionTokenTtl) {
    }

    /** A session with what it was requested with ({@code request} null for rows written without one) and attempts. */
    record Found(VerificationSession session, SessionApiRequest request, List<AttemptView> attempts) {
    }

    private final CheckProfiles profiles;
    private final VerificationSessions sessions;
    private final SessionApiRequests requests;
    private final AttemptQueries attempts;
    private final MediaFiles media;
    private final AuditLog audit;
    private final LinkSealer sealer;
    private final SessionDeletion deletion;

    ApiSessions(CheckProfiles profiles, VerificationSessions sessions, SessionApiRequests requests,
                AttemptQueries attempts, MediaFiles media, AuditLog audit, LinkSealer sealer,
                SessionDeletion deletion) {
        this.profiles = profiles;
        this.sessions = sessions;
        this.requests = requests;
        this.attempts = attempts;
        this.media = media;
        this.audit = audit;
        this.sealer = sealer;
        this.deletion = deletion;
    }

    /** The application's check profile, which gives its sessions their challenges, retention and defaults. */
    CheckProfile profileOf(ApiCaller caller) {
        return profiles.findByBusinessIdAndId(caller.businessId(), caller.profileId()).filter(p -> !p.archived())
                .orElseThrow(() -> new ApiException(HttpStatus.CONFLICT, ApiError.of(ApiErrors.PROFILE_UNAVAILABLE,
                        "The application's check profile is archived; an administrator must give the application "
                                + "an active profile in the portal.")));
    }

    /** The session, what it was requested with, and the audit event, in one transaction. */
    @Transactional
    Created create(ApiCaller caller, CheckProfile profile, SessionSpec spec, Instant now) {
        String token = CaptureTokens.newToken();
        VerificationSession session = sessions.insert(VerificationSession.openForApi(profile, caller.applicationId(),
                spec.maxAttempts(), spec.maxAbandonedAttempts(), spec.userTrackingId(), CaptureTokens.hash(token),
                now.plusSeconds(spec.clientSessionTokenTtl()), now));
        SessionSpec.Notification n = spec.notification();
        SessionSpec.SdkConfig c = spec.sdkConfig();
        requests.insert(new SessionApiRequest(session.id(), caller.businessId(), spec.clientSessionTokenTtl(),
                spec.resourcesTtl(), now.plusSeconds(spec.resourcesTtl()), c.primaryColour(), c.locale(),
                c.successUrl(), c.errorUrl(), c.privacyPolicyUrl(), n == null ? null : n.endpoint(),
                n == null ? null : String.join(",", n.topics()), n == null ? null : n.authType(),
                n == null || n.authToken() == null ? null : sealer.sealValue(n.authToken())));
        // like the portal's: the tracking id, never anything else the caller sent
        audit.insert(AuditEvent.byApplication(caller.businessId(), caller.applicationId(), AuditAction.SESSION_CREATED,
                AuditTarget.SESSION, session.id().toString(), "via API, tracking id "
                        + (session.trackingId() == null ? "-" : session.trackingId()), now));
        return new Created(session.id(), token, spec.clientSessionTokenTtl());
    }

    @Transactional(readOnly = true)
    Optional<Found> find(ApiCaller caller, UUID sessionId) {
        return session(caller, sessionId).map(s -> new Found(s,
                requests.findByBusinessIdAndSessionId(caller.businessId(), s.id()).orElse(null),
                attempts.attemptsOfSession(caller.businessId(), s.id())));
    }

    /** An image's bytes; empty when unknown here, purged, or past the session's {@code resources_expire_at}. */
    @Transactional(readOnly = true)
    Optional<MediaContent> content(ApiCaller caller, UUID sessionId, UUID mediaId, Instant now) {
        return session(caller, sessionId)
                .filter(s -> requests.findByBusinessIdAndSessionId(caller.businessId(), s.id())
                        .map(r -> r.resourcesExpireAt().isAfter(now)).orElse(true))
                .flatMap(s -> media.findContentById(caller.businessId(), s.id(), mediaId));
    }

    /**
     * Deletes an image's content (metadata stays, as after retention); deleting it again changes nothing.
     *
     * @return false when the session or the image is not found here
     */
    @Transactional
    boolean deleteContent(ApiCaller caller, UUID sessionId, UUID mediaId, Instant now) {
        boolean known = session(caller, sessionId).isPresent() && media.findMetadataBySession(caller.businessId(),
                sessionId).stream().anyMatch(m -> m.id().equals(mediaId));
        if (known && media.purgeById(caller.businessId(), sessionId, mediaId, now) == 1) {
            audit.insert(AuditEvent.byApplication(caller.businessId(), caller.applicationId(),
                    AuditAction.MEDIA_PURGED, AuditTarget.MEDIA, mediaId.toString(), "deleted through the API, session "
                            + sessionId, now));
        }
        return known;
    }

    /** The session with its attempts, images and e-mails, audited; false when not found here. */
    boolean delete(ApiCaller caller, UUID sessionId, Instant now) {
        return session(caller, sessionId).isPresent()
                && deletion.deleteForApplication(caller.businessId(), sessionId, caller.applicationId(), now);
    }

    private Optional<VerificationSession> session(ApiCaller caller, UUID sessionId) {
        return sessions.findByBusinessIdAndId(caller.businessId(), sessionId).filter(VerificationSession::createdByApi);
    }
}
