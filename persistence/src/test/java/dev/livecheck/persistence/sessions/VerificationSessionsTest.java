package dev.livecheck.persistence.sessions;

import static dev.livecheck.persistence.Fixtures.NOW;
import static dev.livecheck.persistence.Fixtures.minutes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.livecheck.persistence.DatabaseTest;
import dev.livecheck.persistence.Fixtures;
import dev.livecheck.persistence.attempts.AttemptRecorder;
import dev.livecheck.persistence.attempts.Attempts;
import dev.livecheck.persistence.attempts.MediaFiles;
import dev.livecheck.persistence.attempts.MediaRole;
import dev.livecheck.persistence.audit.AuditAction;
import dev.livecheck.persistence.audit.AuditEvent;
import dev.livecheck.persistence.audit.AuditLog;
import dev.livecheck.persistence.business.Business;
import dev.livecheck.persistence.profiles.CheckProfile;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

class VerificationSessionsTest extends DatabaseTest {
    @Autowired
    VerificationSessions sessions;
    @Autowired
    AttemptRecorder recorder;
    @Autowired
    Attempts attempts;
    @Autowired
    MediaFiles media;
    @Autowired
    FinalDecisions decisions;
    @Autowired
    AuditLog audit;
    @Autowired
    Fixtures fixtures;

    @Test
    void openCopiesTheProfileAndStoresOnlyTheTokenHash() {
        Business b = fixtures.business("Acme");
        CheckProfile p = fixtures.profile(b, 5);
        String token = CaptureTokens.newToken();
        VerificationSession s = sessions.insert(VerificationSession.open(p, "Ada", "ada@example.com", "crm-1",
                CaptureTokens.hash(token), NOW));
        assertThat(token).hasSize(43);
        assertThat(s.maxAttempts()).isEqualTo(5);
        assertThat(s.expiresAt()).isEqualTo(NOW.plus(Duration.ofHours(72)));
        assertThat(s.captureTokenHash()).hasSize(64).doesNotContain(token);

        VerificationSession byToken = sessions.findByCaptureTokenHash(CaptureTokens.hash(token)).orElseThrow();
        assertThat(byToken).usingRecursiveComparison().isEqualTo(s);
        assertThat(sessions.findByCaptureTokenHash(CaptureTokens.hash(token + "x"))).isEmpty();

        assertThat(sessions.markLinkOpened(b.id(), s.id(), minutes(1))).isEqualTo(1);
        assertThat(sessions.markLinkOpened(b.id(), s.id(), minutes(2))).isZero();
        assertThat(sessions.findByBusinessIdAndId(b.id(), s.id()).orElseThrow().linkOpenedAt()).isEqualTo(minutes(1));
    }

    @Test
    void searchFiltersPaginatesAndSortsByNewestFirst() {
        Business b = fixtures.business("Acme");
        Business other = fixtures.business("Other");
        CheckProfile p = fixtures.profile(b);
        VerificationSession ada = fixtures.session(p, "Ada Lovelace", "ada@example.com", "crm_100%", minutes(1));
        VerificationSession alan = fixtures.session(p, "Alan Turing", "alan@bletchley.uk", "crm-200", minutes(2));
        VerificationSession grace = fixtures.session(p, "Grace Hopper", "grace@navy.mil", null, minutes(3));
        fixtures.session(fixtures.profile(other), "Ada Other", "ada@other.com", null, minutes(4));
        recorder.record(b.id(), alan.id(), null, Fixtures.attempt(Recommendation.APPROVE, minutes(5)));
        recorder.record(b.id(), grace.id(), null, Fixtures.attempt(Recommendation.REJECT, minutes(5)));

        Page<VerificationSession> all = sessions.search(b.id(), SessionFilter.none(), PageRequest.of(0, 2));
        assertThat(all.getTotalElements()).isEqualTo(3);
        assertThat(all.getContent()).extracting(VerificationSession::id).containsExactly(grace.id(), alan.id());
        assertThat(sessions.search(b.id(), SessionFilter.none(), PageRequest.of(1, 2)).getContent())
                .extracting(VerificationSession::id).containsExactly(ada.id());
        assertThat(sessions.search(b.id(), SessionFilter.none(), PageRequest.of(0, 5, Sort.by("recipientName"))).getContent())
                .extracting(VerificationSession::id).containsExactly(ada.id(), alan.id(), grace.id());

        assertThat(ids(b, new SessionFilter(null, null, "ADA", null, null))).containsExactly(ada.id());
        assertThat(ids(b, new SessionFilter(null, null, "bletchley", null, null))).containsExactly(alan.id());
        assertThat(ids(b, new SessionFilter(null, null, "crm-2", null, null))).containsExactly(alan.id());
        assertThat(ids(b, new SessionFilter(null, null, "_100%", null, null))).containsExactly(ada.id());
        assertThat(ids(b, new SessionFilter(null, null, "%", null, null))).containsExactly(ada.id());
        assertThat(ids(b, new SessionFilter(SessionState.COMPLETED, null, null, null, null))).containsExactly(alan.id());
        assertThat(ids(b, new SessionFilter(SessionState.ONGOING, null, null, null, null))).containsExactly(grace.id(), ada.id());
        assertThat(ids(b, new SessionFilter(null, Recommendation.REJECT, null, null, null))).containsExactly(grace.id());
        assertThat(ids(b, new SessionFilter(null, null, null, minutes(2), minutes(3)))).containsExactly(alan.id());
        assertThat(ids(b, new SessionFilter(SessionState.ONGOING, null, "a", minutes(0), minutes(10)))).containsExactly(grace.id(), ada.id());
    }

    @Test
    void dashboardCounts() {
        Business b = fixtures.business("Acme");
        CheckProfile p = fixtures.profile(b, 1);
        VerificationSession approved = fixtures.session(p);
        VerificationSession rejected = fixtures.session(p);
        fixtures.session(p);
        VerificationSession cancelled = fixtures.session(p);
        recorder.record(b.id(), approved.id(), null, Fixtures.attempt(Recommendation.APPROVE, minutes(1)));
        recorder.record(b.id(), rejected.id(), null, Fixtures.attempt(Recommendation.REJECT, minutes(1)));
        assertThat(sessions.cancel(b.id(), cancelled.id(), minutes(2))).isEqualTo(1);
        assertThat(sessions.cancel(b.id(), cancelled.id(), minutes(3))).isZero();

        assertThat(sessions.countByState(b.id())).containsEntry(SessionState.ONGOING, 1L)
                .containsEntry(SessionState.COMPLETED, 2L).containsEntry(SessionState.EXPIRED, 1L);
        assertThat(sessions.countByLatestRecommendation(b.id())).containsEntry(Recommendation.APPROVE, 1L)
                .containsEntry(Recommendation.REJECT, 1L).containsEntry(Recommendation.NOT_AVAILABLE, 0L);
        assertThat(sessions.findByBusinessIdAndId(b.id(), cancelled.id()).orElseThrow().closeReason()).isEqualTo(CloseReason.CANCELLED);
        assertThat(sessions.findByBusinessIdAndId(b.id(), rejected.id()).orElseThrow().closeReason()).isEqualTo(CloseReason.RETRIES_EXHAUSTED);
    }

    @Test
    void expirySweepTurnsOverdueOngoingSessionsExpired() {
        Business b = fixtures.business("Acme");
        CheckProfile p = fixtures.profile(b);
        VerificationSession old = fixtures.session(p, "Old", "old@example.com", null, NOW.minus(Duration.ofHours(73)));
        VerificationSession fresh = fixtures.session(p);
        VerificationSession done = fixtures.session(p, "Done", "done@example.com", null, NOW.minus(Duration.ofHours(80)));
        recorder.record(b.id(), done.id(), null, Fixtures.attempt(Recommendation.APPROVE, NOW.minus(Duration.ofHours(79))));

        assertThat(sessions.expireOverdue(NOW)).isGreaterThanOrEqualTo(1);
        VerificationSession expired = sessions.findByBusinessIdAndId(b.id(), old.id()).orElseThrow();
        assertThat(expired.state()).isEqualTo(SessionState.EXPIRED);
        assertThat(expired.closeReason()).isEqualTo(CloseReason.LINK_EXPIRED);
        assertThat(sessions.findByBusinessIdAndId(b.id(), fresh.id()).orElseThrow().state()).isEqualTo(SessionState.ONGOING);
        assertThat(sessions.findByBusinessIdAndId(b.id(), done.id()).orElseThrow().state()).isEqualTo(SessionState.COMPLETED);
    }

    @Test
    void deletingASessionDeletesItsAttemptsAndMedia() {
        Business b = fixtures.business("Acme");
        VerificationSession s = fixtures.session(fixtures.profile(b));
        var stored = recorder.record(b.id(), s.id(), null, Fixtures.attempt(Recommendation.REJECT, minutes(1)));
        assertThat(sessions.deleteByBusinessIdAndId(b.id(), s.id())).isEqualTo(1);
        assertThat(sessions.findByBusinessIdAndId(b.id(), s.id())).isEmpty();
        assertThat(attempts.findByBusinessIdAndId(b.id(), stored.attempt().id())).isEmpty();
        assertThat(media.findContent(b.id(), stored.attempt().id(), MediaRole.CHALLENGE)).isEmpty();
        assertThat(media.findMetadataBySession(b.id(), s.id())).isEmpty();
    }

    @Test
    void finalDecisionIsRecordedOnceAndAudited() {
        Business b = fixtures.business("Acme");
        UUID reviewer = fixtures.user(b, dev.livecheck.persistence.users.Role.REVIEWER).id();
        VerificationSession s = fixtures.session(fixtures.profile(b));
        VerificationSession decided = decisions.record(b.id(), s.id(), FinalDecision.APPROVED, reviewer, "looks fine", minutes(1));
        assertThat(decided.finalDecision()).isEqualTo(FinalDecision.APPROVED);
        VerificationSession loaded = sessions.findByBusinessIdAndId(b.id(), s.id()).orElseThrow();
        assertThat(loaded).usingRecursiveComparison().isEqualTo(decided);

        assertThatThrownBy(() -> decisions.record(b.id(), s.id(), FinalDecision.REJECTED, reviewer, "changed my mind", minutes(2)))
                .isInstanceOf(FinalDecisionAlreadyRecordedException.class);
        assertThatThrownBy(() -> loaded.withFinalDecision(FinalDecision.REJECTED, reviewer, minutes(2), null))
                .isInstanceOf(FinalDecisionAlreadyRecordedException.class);
        // The repository's conditional update refuses too, whatever the caller checked before.
        assertThat(sessions.recordFinalDecision(b.id(), s.id(), FinalDecision.REJECTED, reviewer, minutes(2), null)).isZero();
        assertThat(sessions.findByBusinessIdAndId(b.id(), s.id()).orElseThrow().finalDecision()).isEqualTo(FinalDecision.APPROVED);
        assertThatThrownBy(() -> decisions.record(b.id(), UUID.randomUUID(), FinalDecision.REJECTED, reviewer, null, NOW))
                .isInstanceOf(SessionNotFoundException.class);

        assertThat(audit.findByBusinessIdOrderByOccurredAtDesc(b.id(), PageRequest.of(0, 5)).getContent())
                .extracting(AuditEvent::action, AuditEvent::targetId, AuditEvent::actor)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(AuditAction.FINAL_DECISION_RECORDED.name(), s.id().toString(), reviewer.toString()));
    }

    private java.util.List<UUID> ids(Business b, SessionFilter filter) {
        return sessions.search(b.id(), filter, PageRequest.of(0, 50)).map(VerificationSession::id).getContent();
    }
}
