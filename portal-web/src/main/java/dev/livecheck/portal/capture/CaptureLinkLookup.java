package dev.livecheck.portal.capture;

import dev.livecheck.persistence.profiles.CheckProfiles;
import dev.livecheck.persistence.sessions.CaptureTokens;
import dev.livecheck.persistence.sessions.VerificationSessions;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/** Finds the session behind a raw capture token (only its hash is stored) and records that the link was opened. */
@Component
class CaptureLinkLookup {

    /** Tokens are 43 URL-safe characters; anything else cannot match and is not even hashed. */
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{16,128}");

    private final VerificationSessions sessions;
    private final CheckProfiles profiles;

    CaptureLinkLookup(VerificationSessions sessions, CheckProfiles profiles) {
        this.sessions = sessions;
        this.profiles = profiles;
    }

    Optional<CaptureLink> find(String rawToken) {
        if (rawToken == null || !TOKEN.matcher(rawToken).matches()) {
            return Optional.empty();
        }
        return sessions.findByCaptureTokenHash(CaptureTokens.hash(rawToken)).flatMap(session -> profiles
                .findByBusinessIdAndId(session.businessId(), session.profileId())
                .map(profile -> new CaptureLink(session, profile)));
    }

    /** The session's current state, e.g. before starting another attempt on a long-open socket. */
    Optional<CaptureLink> reload(UUID businessId, UUID sessionId) {
        return sessions.findByBusinessIdAndId(businessId, sessionId).flatMap(session -> profiles
                .findByBusinessIdAndId(businessId, session.profileId())
                .map(profile -> new CaptureLink(session, profile)));
    }

    void markOpened(CaptureLink link, Instant at) {
        sessions.markLinkOpened(link.session().businessId(), link.session().id(), at);
    }
}
