package dev.livecheck.portal.sessions.report;

import dev.livecheck.persistence.applications.ApiApplication;
import dev.livecheck.persistence.applications.ApiApplications;
import dev.livecheck.persistence.attempts.AttemptQueries;
import dev.livecheck.persistence.attempts.AttemptView;
import dev.livecheck.persistence.attempts.MediaContent;
import dev.livecheck.persistence.attempts.MediaFiles;
import dev.livecheck.persistence.attempts.MediaMetadata;
import dev.livecheck.persistence.audit.AuditAction;
import dev.livecheck.persistence.audit.AuditEvent;
import dev.livecheck.persistence.audit.AuditLog;
import dev.livecheck.persistence.business.Business;
import dev.livecheck.persistence.business.Businesses;
import dev.livecheck.persistence.profiles.CheckProfile;
import dev.livecheck.persistence.profiles.CheckProfiles;
import dev.livecheck.persistence.sessions.SessionApiRequest;
import dev.livecheck.persistence.sessions.SessionApiRequests;
import dev.livecheck.persistence.sessions.VerificationSession;
import dev.livecheck.persistence.sessions.VerificationSessions;
import dev.livecheck.persistence.users.PortalUser;
import dev.livecheck.persistence.users.PortalUsers;
import dev.livecheck.portal.sessions.SubCheckRow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads a {@link SessionDocument} from one business's rows only; another business's session is empty. */
@Service
class SessionDocuments {
    /** A session's trail is short (create, open, attempts, decision); the cap bounds a pathological one. */
    static final int MAX_AUDIT_LINES = 200;
    /** Downloads of the report itself are in the audit log, not in the trail: they would change the data's hash. */
    private static final Set<String> REPORT_ACTIONS = Set.of(AuditAction.REPORT_PDF_GENERATED.name(),
            AuditAction.EVIDENCE_DOWNLOADED.name());

    private final VerificationSessions sessions;
    private final Businesses businesses;
    private final CheckProfiles profiles;
    private final SessionApiRequests apiRequests;
    private final ApiApplications applications;
    private final AttemptQueries attempts;
    private final MediaFiles media;
    private final PortalUsers users;
    private final AuditLog audit;

    SessionDocuments(VerificationSessions sessions, Businesses businesses, CheckProfiles profiles,
                     SessionApiRequests apiRequests, ApiApplications applications, AttemptQueries attempts,
                     MediaFiles media, PortalUsers users, AuditLog audit) {
        this.sessions = sessions;
        this.businesses = businesses;
        this.profiles = profiles;
        this.apiRequests = apiRequests;
        this.applications = applications;
        this.attempts = attempts;
        this.media = media;
        this.users = users;
        this.audit = audit;
    }

    /** @param withImages false: images are listed by role and hash only, their bytes are not read */
    @Transactional(readOnly = true)
    Optional<SessionDocument> load(UUID businessId, UUID sessionId, boolean withImages) {
        return sessions.findByBusinessIdAndId(businessId, sessionId).map(s -> assemble(s, withImages));
    }

    private SessionDocument assemble(VerificationSession s, boolean withImages) {
        UUID businessId = s.businessId();
        String businessName = businesses.findById(businessId).map(Business::name).orElse("");
        Optional<CheckProfile> profile = profiles.findByBusinessIdAndId(businessId, s.profileId());
        Optional<SessionApiRequest> apiRequest = s.createdByApi()
                ? apiRequests.findByBusinessIdAndSessionId(businessId, s.id()) : Optional.empty();
        String requester = s.createdByApi() ? applicationName(businessId, s.apiApplicationId())
                : s.recipientName() + " <" + s.recipientEmail() + ">";
        SessionDocument.Settings settings = new SessionDocument.Settings(
                profile.map(CheckProfile::name).orElse(""), s.maxAttempts(), s.maxAbandonedAttempts(),
                profile.map(CheckProfile::challengeCount).orElse(0),
                apiRequest.map(r -> (long) r.clientSessionTokenTtl())
                        .orElseGet(() -> profile.map(p -> Duration.ofHours(p.linkLifetimeHours()).toSeconds()).orElse(0L)),
                apiRequest.map(r -> (long) r.resourcesTtl())
                        .orElseGet(() -> profile.map(p -> Duration.ofDays(p.imageRetentionDays()).toSeconds()).orElse(0L)));
        List<SessionDocument.AttemptPart> parts = new ArrayList<>();
        for (AttemptView view : attempts.attemptsOfSession(businessId, s.id())) {
            parts.add(part(businessId, view, withImages));
        }
        List<SessionDocument.AuditLine> trail = audit.findByBusinessIdAndTargetIdOrderByOccurredAtAscIdAsc(businessId,
                        s.id().toString(), PageRequest.of(0, MAX_AUDIT_LINES)).stream()
                .filter(e -> !REPORT_ACTIONS.contains(e.action()))
                .map(e -> new SessionDocument.AuditLine(e, actorName(businessId, e.actor())))
                .toList();
        String decidedBy = s.decidedBy() == null ? null : userName(businessId, s.decidedBy());
        String hash = DocumentHash.of(businessName, s, requester, settings, parts, trail);
        return new SessionDocument(businessName, s, requester, s.createdByApi(), settings, parts, decidedBy, trail,
                withImages, hash);
    }

    private SessionDocument.AttemptPart part(UUID businessId, AttemptView view, boolean withImages) {
        var a = view.attempt();
        List<String> challenges = a.challenges().isBlank() ? List.of() : List.of(a.challenges().split(","));
        Optional<List<SubCheckRow>> rows = SubCheckRow.ofReportJson(a.subChecksJson());
        List<SessionDocument.ImagePart> images = view.media().stream()
                .sorted((x, y) -> x.role().compareTo(y.role()))
                .map(m -> image(businessId, m, withImages))
                .toList();
        return new SessionDocument.AttemptPart(a, challenges, rows.orElse(List.of()), rows.isPresent(), images);
    }

    private SessionDocument.ImagePart image(UUID businessId, MediaMetadata m, boolean withImages) {
        byte[] bytes = withImages && !m.purged()
                ? media.findContent(businessId, m.attemptId(), m.role()).map(MediaContent::bytes).orElse(null) : null;
        return new SessionDocument.ImagePart(m.role(), m.contentType(), m.sha256(), m.purged(), bytes);
    }

    private String applicationName(UUID businessId, UUID applicationId) {
        return applications.findByBusinessIdAndId(businessId, applicationId).map(ApiApplication::name)
                .orElse(applicationId.toString());
    }

    /** A deleted user stays named by id: the trail must stay attributable. */
    private String userName(UUID businessId, UUID userId) {
        return users.findByBusinessIdAndId(businessId, userId).map(PortalUser::displayName).orElse(userId.toString());
    }

    private String actorName(UUID businessId, String actor) {
        if (actor.startsWith(AuditEvent.APPLICATION_ACTOR_PREFIX)) {
            return parse(actor.substring(AuditEvent.APPLICATION_ACTOR_PREFIX.length()))
                    .map(id -> applicationName(businessId, id)).orElse(actor);
        }
        return parse(actor).map(id -> userName(businessId, id)).orElse(actor);
    }

    private static Optional<UUID> parse(String text) {
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
