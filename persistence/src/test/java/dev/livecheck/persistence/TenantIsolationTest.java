package dev.livecheck.persistence;

import static dev.livecheck.persistence.Fixtures.NOW;
import static dev.livecheck.persistence.Fixtures.minutes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.livecheck.persistence.attempts.AttemptQueries;
import dev.livecheck.persistence.attempts.AttemptRecorder;
import dev.livecheck.persistence.attempts.AttemptRefusedException;
import dev.livecheck.persistence.attempts.Attempts;
import dev.livecheck.persistence.attempts.MediaFiles;
import dev.livecheck.persistence.attempts.MediaRole;
import dev.livecheck.persistence.attempts.StoredAttempt;
import dev.livecheck.persistence.audit.AuditAction;
import dev.livecheck.persistence.audit.AuditEvent;
import dev.livecheck.persistence.audit.AuditLog;
import dev.livecheck.persistence.audit.AuditTarget;
import dev.livecheck.persistence.business.Business;
import dev.livecheck.persistence.outbox.EmailOutbox;
import dev.livecheck.persistence.outbox.Outbox;
import dev.livecheck.persistence.profiles.CheckProfile;
import dev.livecheck.persistence.profiles.CheckProfiles;
import dev.livecheck.persistence.sessions.FinalDecision;
import dev.livecheck.persistence.sessions.FinalDecisions;
import dev.livecheck.persistence.sessions.Recommendation;
import dev.livecheck.persistence.sessions.SessionFilter;
import dev.livecheck.persistence.sessions.SessionNotFoundException;
import dev.livecheck.persistence.sessions.VerificationSession;
import dev.livecheck.persistence.sessions.VerificationSessions;
import dev.livecheck.persistence.users.PortalUser;
import dev.livecheck.persistence.users.PortalUsers;
import dev.livecheck.persistence.users.Role;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.PageRequest;

/** Business A, holding the ids of B's rows, can neither load, list, update nor delete them through any method. */
class TenantIsolationTest extends DatabaseTest {
    @Autowired PortalUsers users;
    @Autowired CheckProfiles profiles;
    @Autowired VerificationSessions sessions;
    @Autowired Attempts attempts;
    @Autowired MediaFiles media;
    @Autowired Outbox outbox;
    @Autowired AuditLog audit;
    @Autowired AttemptRecorder recorder;
    @Autowired AttemptQueries attemptQueries;
    @Autowired FinalDecisions decisions;
    @Autowired Fixtures fixtures;

    Business a;
    Business b;
    PortalUser userB;
    CheckProfile profileB;
    VerificationSession sessionB;
    StoredAttempt attemptB;
    EmailOutbox mailB;

    @BeforeEach
    void twoTenants() {
        a = fixtures.business("A");
        fixtures.session(fixtures.profile(a));
        b = fixtures.business("B");
        userB = fixtures.user(b, Role.OWNER);
        profileB = fixtures.profile(b);
        sessionB = fixtures.session(profileB);
        attemptB = recorder.record(b.id(), sessionB.id(), null, Fixtures.attempt(Recommendation.REJECT, minutes(1)));
        mailB = outbox.insert(EmailOutbox.pending(b.id(), sessionB.id(), "x@example.com", "S", "T", null, NOW));
        audit.insert(AuditEvent.bySystem(b.id(), AuditAction.SESSION_CREATED, AuditTarget.SESSION, sessionB.id().toString(), null, NOW));
    }

    @Test
    void cannotLoadOrList() {
        assertThat(users.findByBusinessIdAndId(a.id(), userB.id())).isEmpty();
        assertThat(users.findAllByBusinessIdOrderByEmail(a.id())).isEmpty();
        assertThat(profiles.findByBusinessIdAndId(a.id(), profileB.id())).isEmpty();
        assertThat(profiles.findAllByBusinessIdAndArchivedOrderByName(a.id(), false)).extracting(CheckProfile::businessId).containsOnly(a.id());
        assertThat(sessions.findByBusinessIdAndId(a.id(), sessionB.id())).isEmpty();
        assertThat(sessions.search(a.id(), new SessionFilter(null, null, sessionB.trackingId(), null, null), PageRequest.of(0, 10))).isEmpty();
        assertThat(sessions.search(a.id(), SessionFilter.none(), PageRequest.of(0, 10))).extracting(VerificationSession::businessId).containsOnly(a.id());
        assertThat(sessions.countByLatestRecommendation(a.id())).containsEntry(Recommendation.REJECT, 0L);
        assertThat(attempts.findByBusinessIdAndId(a.id(), attemptB.attempt().id())).isEmpty();
        assertThat(attempts.findAllByBusinessIdAndSessionIdOrderByAttemptNumber(a.id(), sessionB.id())).isEmpty();
        assertThat(attempts.countByBusinessIdAndSessionId(a.id(), sessionB.id())).isZero();
        assertThat(attempts.passRateByDay(a.id(), LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 2), ZoneOffset.UTC).get(0).total()).isZero();
        assertThat(attemptQueries.attemptsOfSession(a.id(), sessionB.id())).isEmpty();
        assertThat(media.findMetadataBySession(a.id(), sessionB.id())).isEmpty();
        for (MediaRole role : MediaRole.values()) {
            assertThat(media.findContent(a.id(), attemptB.attempt().id(), role)).isEmpty();
        }
        for (var m : attemptB.media()) {
            assertThat(media.findContentById(a.id(), sessionB.id(), m.id())).isEmpty();
            assertThat(media.findContentById(b.id(), sessionB.id(), m.id())).isPresent();
        }
        assertThat(outbox.findByBusinessIdAndId(a.id(), mailB.id())).isEmpty();
        assertThat(outbox.findAllByBusinessIdAndSessionIdOrderByCreatedAt(a.id(), sessionB.id())).isEmpty();
        assertThat(outbox.findByBusinessIdOrderByCreatedAtDesc(a.id(), PageRequest.of(0, 10))).isEmpty();
        assertThat(audit.findByBusinessIdOrderByOccurredAtDesc(a.id(), PageRequest.of(0, 10))).isEmpty();
        // the session report's audit trail and the dashboard's insights, by id or by profile
        assertThat(audit.findByBusinessIdAndTargetIdOrderByOccurredAtAscIdAsc(a.id(), sessionB.id().toString(),
                PageRequest.of(0, 10))).isEmpty();
        assertThat(audit.findByBusinessIdAndTargetIdOrderByOccurredAtAscIdAsc(b.id(), sessionB.id().toString(),
                PageRequest.of(0, 10))).extracting(AuditEvent::action).containsExactly(AuditAction.SESSION_CREATED.name());
        java.time.Instant from = NOW.minus(java.time.Duration.ofDays(1));
        java.time.Instant to = NOW.plus(java.time.Duration.ofDays(1));
        assertThat(attempts.attemptFacts(a.id(), from, to, null)).isEmpty();
        assertThat(attempts.attemptFacts(a.id(), from, to, profileB.id())).isEmpty();
        assertThat(attempts.attemptFacts(b.id(), from, to, profileB.id())).singleElement()
                .satisfies(f -> {
                    assertThat(f.reason()).isEqualTo(attemptB.attempt().reason());
                    assertThat(f.profileId()).isEqualTo(profileB.id());
                });
        assertThat(attempts.passRateByDay(a.id(), LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 2), ZoneOffset.UTC,
                profileB.id()).get(0).total()).isZero();
        assertThat(sessions.completedByAttemptsUsed(a.id(), from, to, null)).isEmpty();
        assertThat(sessions.completedByAttemptsUsed(a.id(), from, to, profileB.id())).isEmpty();
    }

    @Test
    void cannotUpdateOrDelete() {
        UUID actor = UUID.randomUUID();
        assertThat(users.updateAccount(a.id(), userB.id(), "Hijacked", Role.REVIEWER, false)).isZero();
        assertThat(users.changePasswordHash(a.id(), userB.id(), Fixtures.BCRYPT, false)).isZero();
        assertThat(users.changeTotpSecret(a.id(), userB.id(), "sealed")).isZero();
        assertThat(users.recordLoginSuccess(a.id(), userB.id(), NOW)).isZero();
        assertThatThrownBy(() -> profiles.update(a.id(), profileB.withLimits(9, 3, 1, 1), NOW)).isInstanceOf(OptimisticLockingFailureException.class);
        CheckProfile relabelled = profileB.toBuilder().businessId(a.id()).name("x").maxAttempts(9).build();
        assertThatThrownBy(() -> profiles.update(a.id(), relabelled, NOW)).isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(profiles.archive(a.id(), profileB.id(), NOW)).isZero();
        assertThat(sessions.markLinkOpened(a.id(), sessionB.id(), NOW)).isZero();
        assertThat(sessions.recordFinalDecision(a.id(), sessionB.id(), FinalDecision.APPROVED, actor, NOW, null)).isZero();
        assertThatThrownBy(() -> decisions.record(a.id(), sessionB.id(), FinalDecision.APPROVED, actor, null, NOW)).isInstanceOf(SessionNotFoundException.class);
        assertThat(sessions.takeAttemptSlot(a.id(), sessionB.id(), null, Recommendation.APPROVE, true, NOW)).isZero();
        assertThatThrownBy(() -> recorder.record(a.id(), sessionB.id(), null, Fixtures.attempt(Recommendation.APPROVE, minutes(2))))
                .isInstanceOf(AttemptRefusedException.class);
        assertThat(sessions.cancel(a.id(), sessionB.id(), NOW)).isZero();
        assertThat(sessions.deleteByBusinessIdAndId(a.id(), sessionB.id())).isZero();
        assertThat(media.purgeCreatedBefore(a.id(), profileB.id(), minutes(60 * 24 * 365), NOW)).isZero();
        assertThat(media.purgeById(a.id(), sessionB.id(), attemptB.media().get(0).id(), NOW)).isZero();
        assertThat(media.purgeExpiredApiResources(a.id(), minutes(60 * 24 * 365))).isZero();
        assertThat(outbox.requeue(a.id(), mailB.id(), NOW)).isZero();

        // B's rows are untouched.
        PortalUser u = users.findByBusinessIdAndId(b.id(), userB.id()).orElseThrow();
        assertThat(u.displayName()).isEqualTo(userB.displayName());
        assertThat(u.passwordHash()).isEqualTo(userB.passwordHash());
        assertThat(u.hasTotp()).isFalse();
        assertThat(profiles.findByBusinessIdAndId(b.id(), profileB.id()).orElseThrow()).usingRecursiveComparison().isEqualTo(profileB);
        VerificationSession s = sessions.findByBusinessIdAndId(b.id(), sessionB.id()).orElseThrow();
        assertThat(s).usingRecursiveComparison().isEqualTo(attemptB.session());
        assertThat(media.findContent(b.id(), attemptB.attempt().id(), MediaRole.FRONTAL_START)).isPresent();
    }

    @Test
    void childRowsCannotPointIntoAnotherTenant() {
        // A session of A that names B's profile violates the (business_id, profile_id) foreign key.
        VerificationSession forged = VerificationSession.open(profileB, "Eve", "eve@example.com", null,
                dev.livecheck.persistence.sessions.CaptureTokens.hash("t"), NOW);
        VerificationSession crossed = new VerificationSession(forged.id(), a.id(), forged.profileId(), forged.recipientName(),
                forged.recipientEmail(), null, forged.captureTokenHash(), forged.state(), null, null, 0, 3, forged.expiresAt(),
                NOW, null, null, null, null, null, null, null, null, null);
        assertThatThrownBy(() -> sessions.insert(crossed)).isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
    }
}
