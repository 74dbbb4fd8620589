package dev.livecheck.persistence.attempts;

import static dev.livecheck.persistence.Fixtures.NOW;
import static dev.livecheck.persistence.Fixtures.minutes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.livecheck.persistence.DatabaseTest;
import dev.livecheck.persistence.Fixtures;
import dev.livecheck.persistence.business.Business;
import dev.livecheck.persistence.sessions.CloseReason;
import dev.livecheck.persistence.sessions.Recommendation;
import dev.livecheck.persistence.sessions.SessionState;
import dev.livecheck.persistence.sessions.VerificationSession;
import dev.livecheck.persistence.sessions.VerificationSessions;
import dev.livecheck.persistence.support.Sha256;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

class AttemptRecorderTest extends DatabaseTest {
    @Autowired
    AttemptRecorder recorder;
    @Autowired
    AttemptQueries queries;
    @Autowired
    Attempts attempts;
    @Autowired
    MediaFiles media;
    @Autowired
    VerificationSessions sessions;
    @Autowired
    Fixtures fixtures;

    @Test
    void rejectedAttemptsCountUntilMaxRetriesThenTheSessionCompletes() {
        Business b = fixtures.business("Acme");
        VerificationSession s = fixtures.session(fixtures.profile(b, 3));

        StoredAttempt first = recorder.record(b.id(), s.id(), null, Fixtures.attempt(Recommendation.REJECT, minutes(1)));
        assertThat(first.attempt().attemptNumber()).isEqualTo(1);
        assertThat(first.session().state()).isEqualTo(SessionState.ONGOING);
        assertThat(first.session().attemptsUsed()).isEqualTo(1);
        assertThat(first.session().attemptsLeft()).isEqualTo(2);
        assertThat(first.session().latestRecommendation()).isEqualTo(Recommendation.REJECT);

        recorder.record(b.id(), s.id(), null, Fixtures.attempt(Recommendation.NOT_AVAILABLE, minutes(2)));
        StoredAttempt third = recorder.record(b.id(), s.id(), null, Fixtures.attempt(Recommendation.REJECT, minutes(3)));
        assertThat(third.attempt().attemptNumber()).isEqualTo(3);
        assertThat(third.session().state()).isEqualTo(SessionState.COMPLETED);
        assertThat(third.session().closeReason()).isEqualTo(CloseReason.RETRIES_EXHAUSTED);
        assertThat(third.session().completedAt()).isEqualTo(minutes(3));

        assertThatThrownBy(() -> recorder.record(b.id(), s.id(), null, Fixtures.attempt(Recommendation.APPROVE, minutes(4))))
                .isInstanceOf(AttemptRefusedException.class).hasMessageContaining("COMPLETED");
        assertThat(attempts.countByBusinessIdAndSessionId(b.id(), s.id())).isEqualTo(3);
    }

    @Test
    void approveCompletesTheSessionAtOnce() {
        Business b = fixtures.business("Acme");
        VerificationSession s = fixtures.session(fixtures.profile(b, 3));
        recorder.record(b.id(), s.id(), null, Fixtures.attempt(Recommendation.REJECT, minutes(1)));
        StoredAttempt ok = recorder.record(b.id(), s.id(), null, Fixtures.attempt(Recommendation.APPROVE, minutes(2)));
        assertThat(ok.session().state()).isEqualTo(SessionState.COMPLETED);
        assertThat(ok.session().closeReason()).isEqualTo(CloseReason.APPROVED);
        assertThat(ok.session().latestRecommendation()).isEqualTo(Recommendation.APPROVE);
        assertThatThrownBy(() -> recorder.record(b.id(), s.id(), null, Fixtures.attempt(Recommendation.REJECT, minutes(3))))
                .isInstanceOf(AttemptRefusedException.class);
    }

    @Test
    void cancelledExpiredAndUnknownSessionsRefuseAttempts() {
        Business b = fixtures.business("Acme");
        VerificationSession cancelled = fixtures.session(fixtures.profile(b));
        sessions.cancel(b.id(), cancelled.id(), NOW);
        assertThatThrownBy(() -> recorder.record(b.id(), cancelled.id(), null, Fixtures.attempt(Recommendation.APPROVE, minutes(1))))
                .isInstanceOf(AttemptRefusedException.class).hasMessageContaining("EXPIRED");
        assertThatThrownBy(() -> recorder.record(b.id(), UUID.randomUUID(), null, Fixtures.attempt(Recommendation.APPROVE, minutes(1))))
                .isInstanceOf(AttemptRefusedException.class).hasMessageContaining("no such session");
    }

    @Test
    void storesTheReportAndThreeImagesAndReadsThemBack() {
        Business b = fixtures.business("Acme");
        VerificationSession s = fixtures.session(fixtures.profile(b));
        NewAttempt input = Fixtures.attempt(Recommendation.REJECT, minutes(1));
        StoredAttempt stored = recorder.record(b.id(), s.id(), null, input);

        Attempt loaded = attempts.findByBusinessIdAndId(b.id(), stored.attempt().id()).orElseThrow();
        assertThat(loaded).usingRecursiveComparison().isEqualTo(stored.attempt());
        assertThat(loaded.subChecksJson()).isEqualTo("{\"parallax\":0.42,\"moire\":0.01}");
        assertThat(loaded.challenges()).isEqualTo("TURN_LEFT,LOOK_UP");
        assertThat(loaded.livenessAuth()).isEqualTo(LivenessAuth.FAIL);

        for (NewMedia m : input.media()) {
            MediaContent content = media.findContent(b.id(), loaded.id(), m.role()).orElseThrow();
            assertThat(content.bytes()).isEqualTo(m.bytes());
            assertThat(content.sha256()).isEqualTo(Sha256.hex(m.bytes()));
            assertThat(content.contentType()).isEqualTo("image/jpeg");
        }
        recorder.record(b.id(), s.id(), null, Fixtures.attempt(Recommendation.APPROVE, minutes(2)));
        List<AttemptView> views = queries.attemptsOfSession(b.id(), s.id());
        assertThat(views).extracting(v -> v.attempt().attemptNumber()).containsExactly(1, 2);
        assertThat(views.get(0).media()).extracting(MediaMetadata::role)
                .containsExactlyInAnyOrder(MediaRole.FRONTAL_START, MediaRole.CHALLENGE, MediaRole.FRONTAL_END);
        assertThat(views.get(0).media()).allSatisfy(m -> assertThat(m.sizeBytes()).isPositive());
    }

    @Test
    @Transactional(propagation = Propagation.NOT_SUPPORTED) // commits for real, so the rollback is real too
    void allOrNothingWhenAnImageCannotBeStored() {
        Business b = fixtures.business("Acme");
        VerificationSession s = fixtures.session(fixtures.profile(b));
        NewAttempt good = Fixtures.attempt(Recommendation.REJECT, minutes(1));
        NewAttempt bad = new NewAttempt(good.recommendation(), good.livenessAuth(), good.reason(), good.challenges(),
                good.subChecksJson(), good.frames(), good.analyzedFrames(), good.durationMs(), good.decisionMs(),
                good.startedAt(), good.completedAt(), List.of(good.media().get(0), good.media().get(1),
                new NewMedia(MediaRole.FRONTAL_END, "image/" + "x".repeat(200), "jpeg".getBytes(StandardCharsets.UTF_8))));
        assertThatThrownBy(() -> recorder.record(b.id(), s.id(), null, bad))
                .isInstanceOf(DataIntegrityViolationException.class);

        VerificationSession after = sessions.findByBusinessIdAndId(b.id(), s.id()).orElseThrow();
        assertThat(after.attemptsUsed()).isZero();
        assertThat(after.latestRecommendation()).isNull();
        assertThat(attempts.countByBusinessIdAndSessionId(b.id(), s.id())).isZero();
        assertThat(media.findMetadataBySession(b.id(), s.id())).isEmpty();
    }

    @Test
    void passRatePerDay() {
        Business b = fixtures.business("Acme");
        var p = fixtures.profile(b, 3);
        LocalDate day = LocalDate.of(2026, 3, 2);
        var d1 = day.atTime(9, 0).toInstant(ZoneOffset.UTC);
        var d2 = day.plusDays(1).atTime(23, 30).toInstant(ZoneOffset.UTC);
        recorder.record(b.id(), fixtures.session(p).id(), null, Fixtures.attempt(Recommendation.APPROVE, d1));
        VerificationSession s = fixtures.session(p);
        recorder.record(b.id(), s.id(), null, Fixtures.attempt(Recommendation.REJECT, d1));
        recorder.record(b.id(), s.id(), null, Fixtures.attempt(Recommendation.NOT_AVAILABLE, d1));
        recorder.record(b.id(), fixtures.session(p).id(), null, Fixtures.attempt(Recommendation.APPROVE, d2));

        List<DailyPassRate> utc = attempts.passRateByDay(b.id(), day.minusDays(1), day.plusDays(1), ZoneOffset.UTC);
        assertThat(utc).containsExactly(new DailyPassRate(day.minusDays(1), 0, 0, 0), new DailyPassRate(day, 1, 2, 3),
                new DailyPassRate(day.plusDays(1), 1, 1, 1));
        assertThat(utc.get(1).rate()).isEqualTo(0.5);
        assertThat(utc.get(0).rate()).isZero();
        // 23:30 UTC is already the next day in Berlin.
        List<DailyPassRate> berlin = attempts.passRateByDay(b.id(), day, day.plusDays(2), ZoneId.of("Europe/Berlin"));
        assertThat(berlin).extracting(DailyPassRate::total).containsExactly(3L, 0L, 1L);
    }

    @Test
    void retentionPurgesOldBytesPerProfileAndRecordsIt(@Autowired MediaRetention retention,
                                                       @Autowired dev.livecheck.persistence.audit.AuditLog audit) {
        Business b = fixtures.business("Acme");
        var shortLived = fixtures.profile(b).withLimits(3, 2, 72, 1);
        shortLived = fixtures.profiles().update(b.id(), shortLived, NOW);
        var longLived = fixtures.profile(b);
        VerificationSession oldShort = fixtures.session(shortLived);
        VerificationSession oldLong = fixtures.session(longLived);
        StoredAttempt a1 = recorder.record(b.id(), oldShort.id(), null, Fixtures.attempt(Recommendation.REJECT, NOW));
        StoredAttempt a2 = recorder.record(b.id(), oldLong.id(), null, Fixtures.attempt(Recommendation.REJECT, NOW));

        assertThat(retention.purgeExpired(NOW.plus(Duration.ofDays(2)))).isGreaterThanOrEqualTo(3);
        assertThat(media.findContent(b.id(), a1.attempt().id(), MediaRole.CHALLENGE)).isEmpty();
        assertThat(media.findMetadataBySession(b.id(), oldShort.id())).hasSize(3)
                .allSatisfy(m -> assertThat(m.purged()).isTrue());
        assertThat(media.findContent(b.id(), a2.attempt().id(), MediaRole.CHALLENGE)).isPresent();
        assertThat(audit.findByBusinessIdOrderByOccurredAtDesc(b.id(), org.springframework.data.domain.PageRequest.of(0, 5)).getContent())
                .extracting(e -> e.action() + " " + e.details()).containsExactly("MEDIA_PURGED 3 images past retention");
        assertThat(media.purgeCreatedBefore(b.id(), shortLived.id(), NOW.plus(Duration.ofDays(9)), NOW)).isZero();
    }
}
