package dev.livecheck.portal.sessions;

import dev.livecheck.persistence.audit.AuditAction;
import dev.livecheck.persistence.audit.AuditLog;
import dev.livecheck.persistence.audit.AuditTarget;
import dev.livecheck.persistence.outbox.Outbox;
import dev.livecheck.persistence.profiles.CheckProfile;
import dev.livecheck.persistence.profiles.CheckProfiles;
import dev.livecheck.persistence.sessions.CaptureTokens;
import dev.livecheck.persistence.sessions.SessionFilter;
import dev.livecheck.persistence.sessions.VerificationSession;
import dev.livecheck.persistence.sessions.VerificationSessions;
import dev.livecheck.portal.email.CaptureEmails;
import dev.livecheck.portal.security.PortalPrincipal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Session lifecycle from the portal. Creating and resending each write the session change, the outbox e-mail and the
 * audit event in one transaction, so a link is never e-mailed for a session that was not stored, nor the reverse.
 */
@Service
class SessionService {

    private final VerificationSessions sessions;
    private final CheckProfiles profiles;
    private final Outbox outbox;
    private final AuditLog audit;
    private final CaptureEmails emails;
    private final CaptureLinks links;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SessionService(VerificationSessions sessions, CheckProfiles profiles, Outbox outbox, AuditLog audit,
                   CaptureEmails emails, CaptureLinks links, ApplicationEventPublisher events, Clock clock) {
        this.sessions = sessions;
        this.profiles = profiles;
        this.outbox = outbox;
        this.audit = audit;
        this.emails = emails;
        this.links = links;
        this.events = events;
        this.clock = clock;
    }

    /** The session and the link to show once; the raw token exists only in this value and the sealed e-mail. */
    record Created(UUID sessionId, String link) {
    }

    Page<VerificationSession> search(PortalPrincipal me, SessionFilter filter, Pageable pageable) {
        return sessions.search(me.businessId(), filter, pageable);
    }

    Optional<VerificationSession> find(PortalPrincipal me, UUID id) {
        return sessions.findByBusinessIdAndId(me.businessId(), id);
    }

    /** @return empty if the profile is not an active profile of this business */
    @Transactional
    Optional<Created> create(PortalPrincipal me, SessionForm form) {
        Optional<CheckProfile> profile = profiles.findByBusinessIdAndId(me.businessId(), form.getProfileId())
                .filter(p -> !p.archived());
        if (profile.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        String token = CaptureTokens.newToken();
        VerificationSession session = sessions.insert(VerificationSession.open(profile.get(), form.getRecipientName(),
                form.getRecipientEmail(), form.trackingIdOrNull(), CaptureTokens.hash(token), now));
        String link = links.forToken(token);
        outbox.insert(emails.compose(profile.get(), session.id(), session.recipientName(), session.recipientEmail(),
                link, now));
        // the audit names the session and its tracking id, never the recipient: deleting a session removes them
        audit.insert(me.audited(AuditAction.SESSION_CREATED, AuditTarget.SESSION, session.id().toString(),
                trackingOf(session), now));
        return Optional.of(new Created(session.id(), link));
    }

    /**
     * New token (the old link stops working), new expiry, new e-mail. Empty unless ONGOING in this business, and for a
     * session created through the API, which has no recipient to e-mail (its application holds the web entry).
     */
    @Transactional
    Optional<Created> resend(PortalPrincipal me, UUID id) {
        Optional<VerificationSession> session = find(me, id).filter(s -> !s.createdByApi());
        Optional<CheckProfile> profile = session.flatMap(s -> profiles.findByBusinessIdAndId(me.businessId(), s.profileId()));
        if (session.isEmpty() || profile.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        String token = CaptureTokens.newToken();
        Instant expiresAt = now.plus(Duration.ofHours(profile.get().linkLifetimeHours()));
        if (sessions.replaceCaptureToken(me.businessId(), id, CaptureTokens.hash(token), expiresAt) != 1) {
            return Optional.empty();
        }
        VerificationSession s = session.get();
        String link = links.forToken(token);
        outbox.insert(emails.compose(profile.get(), s.id(), s.recipientName(), s.recipientEmail(), link, now));
        audit.insert(me.audited(AuditAction.SESSION_LINK_RESENT, AuditTarget.SESSION, s.id().toString(), trackingOf(s),
                now));
        return Optional.of(new Created(s.id(), link));
    }

    /**
     * Cancels, audits and publishes {@link SessionCancelled} in one transaction (its listeners, e.g. the
     * notifications of an API session, run in it).
     *
     * @return false unless an ONGOING session of this business was cancelled
     */
    @Transactional
    boolean cancel(PortalPrincipal me, UUID id) {
        Instant now = clock.instant();
        Optional<VerificationSession> session = find(me, id);
        if (session.isEmpty() || sessions.cancel(me.businessId(), id, now) != 1) {
            return false;
        }
        audit.insert(me.audited(AuditAction.SESSION_CANCELLED, AuditTarget.SESSION, session.get().id().toString(), null,
                now));
        events.publishEvent(new SessionCancelled(me.businessId(), id));
        return true;
    }

    private static String trackingOf(VerificationSession session) {
        return "tracking id " + (session.trackingId() == null ? "-" : session.trackingId());
    }
}
