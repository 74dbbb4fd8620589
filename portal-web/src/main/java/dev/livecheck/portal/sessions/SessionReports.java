package dev.livecheck.portal.sessions;

import dev.livecheck.persistence.attempts.AttemptQueries;
import dev.livecheck.persistence.profiles.CheckProfile;
import dev.livecheck.persistence.profiles.CheckProfiles;
import dev.livecheck.persistence.sessions.VerificationSession;
import dev.livecheck.persistence.sessions.VerificationSessions;
import dev.livecheck.persistence.users.PortalUser;
import dev.livecheck.persistence.users.PortalUsers;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Assembles a session report from the business's own rows only. */
@Service
class SessionReports {
    private final VerificationSessions sessions;
    private final AttemptQueries attempts;
    private final CheckProfiles profiles;
    private final PortalUsers users;

    SessionReports(VerificationSessions sessions, AttemptQueries attempts, CheckProfiles profiles, PortalUsers users) {
        this.sessions = sessions;
        this.attempts = attempts;
        this.profiles = profiles;
        this.users = users;
    }

    /** Empty when the session is not in this business. */
    @Transactional(readOnly = true)
    Optional<SessionReport> load(UUID businessId, UUID sessionId) {
        return sessions.findByBusinessIdAndId(businessId, sessionId).map(s -> assemble(businessId, s));
    }

    private SessionReport assemble(UUID businessId, VerificationSession s) {
        String profileName = profiles.findByBusinessIdAndId(businessId, s.profileId()).map(CheckProfile::name)
                .orElse("");
        // A decider whose account was deleted since is still named by id: the decision must stay attributable.
        String decidedBy = s.decidedBy() == null ? null : users.findByBusinessIdAndId(businessId, s.decidedBy())
                .map(PortalUser::displayName).orElse(s.decidedBy().toString());
        return new SessionReport(s, profileName,
                attempts.attemptsOfSession(businessId, s.id()).stream().map(AttemptReport::of).toList(),
                ReportFormats.instant(s.createdAt()), ReportFormats.instant(s.expiresAt()),
                ReportFormats.instant(s.completedAt()), decidedBy, ReportFormats.instant(s.decidedAt()));
    }
}
