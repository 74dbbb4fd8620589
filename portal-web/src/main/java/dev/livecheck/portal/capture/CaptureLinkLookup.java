package dev.livecheck.portal.capture;

import dev.livecheck.persistence.applications.ApiApplication;
import dev.livecheck.persistence.applications.ApiApplications;
import dev.livecheck.persistence.profiles.CheckProfiles;
import dev.livecheck.persistence.sessions.CaptureTokens;
import dev.livecheck.persistence.sessions.SessionApiRequests;
import dev.livecheck.persistence.sessions.VerificationSession;
import dev.livecheck.persistence.sessions.VerificationSessions;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Finds the session behind a raw capture token (only its hash is stored), with its profile and, for an API session,
 * the caller's request; records that the link was opened and that the person consented.
 */
@Component
class CaptureLinkLookup {

    /** Tokens are 43 URL-safe characters; anything else cannot match and is not even hashed. */
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{16,128}");

    private final VerificationSessions sessions;
    private final CheckProfiles profiles;
    private final SessionApiRequests apiRequests;
    private final ApiApplications applications;

    CaptureLinkLookup(VerificationSessions sessions, CheckProfiles profiles, SessionApiRequests apiRequests,
                      ApiApplications applications) {
        this.sessions = sessions;
        this.profiles = profiles;
        this.apiRequests = apiRequests;
        this.applications = applications;
    }

    Optional<CaptureLink> find(String rawToken) {
        if (rawToken == null || !TOKEN.matcher(rawToken).matches()) {
            return Optional.empty();
        }
        return sessions.findByCaptureTokenHash(CaptureTokens.hash(rawToken)).flatMap(this::link);
    }

    /** The session's current state, e.g. before starting another attempt on a long-open socket. */
    Optional<CaptureLink> reload(UUID businessId, UUID sessionId) {
        return sessions.findByBusinessIdAndId(businessId, sessionId).flatMap(this::link);
    }

    private Optional<CaptureLink> link(VerificationSession session) {
        return profiles.findByBusinessIdAndId(session.businessId(), session.profileId())
                .map(profile -> new CaptureLink(session, profile, !session.createdByApi() ? null : apiRequests
                        .findByBusinessIdAndSessionId(session.businessId(), session.id()).orElse(null)));
    }

    /**
     * The origins that may frame this session's capture page: its API application's, while the application is not
     * revoked; none for a session created in the portal.
     */
    List<String> embeddingOrigins(CaptureLink link) {
        VerificationSession session = link.session();
        if (!session.createdByApi()) {
            return List.of();
        }
        return applications.findByBusinessIdAndId(session.businessId(), session.apiApplicationId())
                .filter(ApiApplication::active).map(ApiApplication::allowedOriginList).orElse(List.of());
    }

    void markOpened(CaptureLink link, Instant at) {
        sessions.markLinkOpened(link.session().businessId(), link.session().id(), at);
    }

    /** The page opens its socket only after the person accepted the consent text; the first time is kept. */
    void recordConsent(CaptureBinding binding, Instant at) {
        sessions.recordBiometricConsent(binding.businessId(), binding.sessionId(), at);
    }
}
