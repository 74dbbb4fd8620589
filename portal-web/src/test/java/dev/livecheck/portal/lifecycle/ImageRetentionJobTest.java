package dev.livecheck.portal.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livecheck.persistence.attempts.AttemptQueries;
import dev.livecheck.persistence.attempts.MediaFiles;
import dev.livecheck.persistence.attempts.MediaMetadata;
import dev.livecheck.persistence.attempts.MediaRole;
import dev.livecheck.persistence.attempts.StoredAttempt;
import dev.livecheck.persistence.audit.AuditAction;
import dev.livecheck.persistence.audit.AuditEvent;
import dev.livecheck.persistence.audit.AuditLog;
import dev.livecheck.persistence.profiles.CheckProfile;
import dev.livecheck.persistence.sessions.Recommendation;
import dev.livecheck.persistence.sessions.VerificationSession;
import dev.livecheck.portal.PortalWebTest;
import dev.livecheck.portal.TestData;
import dev.livecheck.portal.TestData.Tenant;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;

/**
 * Works a year after {@link TestData#LONG_AGO} with retentions of days, so no other test's images are purged. The purge
 * is global, though, and may also take leftovers of earlier tests here: counts are asserted through the business's
 * own audit event, the job's return value only as a lower bound.
 */
class ImageRetentionJobTest extends PortalWebTest {
    private static final Instant T0 = TestData.LONG_AGO.plus(Duration.ofDays(365));

    @Autowired
    ImageRetentionJob job;

    @Autowired
    MediaFiles media;

    @Autowired
    AttemptQueries attemptQueries;

    @Autowired
    AuditLog audit;

    @Test
    void purgesImagesPastTheirProfilesRetentionKeepingTheirMetadata() {
        Tenant a = data.tenant("A");
        CheckProfile oneDay = data.profile(a, 72, 1);
        CheckProfile tenDays = data.profile(a, 72, 10);
        VerificationSession shortLived = data.session(oneDay, "Short", "s@example.com", "T-1", T0);
        StoredAttempt purgedSoon = data.attempt(shortLived, Recommendation.APPROVE, T0);
        VerificationSession longLived = data.session(tenDays, "Long", "l@example.com", "T-2", T0);
        StoredAttempt kept = data.attempt(longLived, Recommendation.APPROVE, T0);

        job.purge(T0.plus(Duration.ofHours(23)));
        assertThat(media.findContent(a.id(), purgedSoon.attempt().id(), MediaRole.CHALLENGE)).isPresent();
        assertThat(purgeEvents(a)).isEmpty();

        assertThat(job.purge(T0.plus(Duration.ofDays(2)))).isGreaterThanOrEqualTo(3);

        for (MediaRole role : MediaRole.values()) {
            assertThat(media.findContent(a.id(), purgedSoon.attempt().id(), role)).isEmpty();
            assertThat(media.findContent(a.id(), kept.attempt().id(), role)).isPresent();
        }
        List<MediaMetadata> metadata = attemptQueries.attemptsOfSession(a.id(), shortLived.id()).get(0).media();
        assertThat(metadata).hasSize(3).allSatisfy(m -> {
            assertThat(m.purged()).isTrue();
            assertThat(m.sizeBytes()).isPositive();
            assertThat(m.sha256()).hasSize(64);
        });
        assertThat(purgeEvents(a)).singleElement().satisfies(e -> {
            assertThat(e.actor()).isEqualTo(AuditEvent.SYSTEM);
            assertThat(e.details()).startsWith("3 images");
        });
    }

    @Test
    void aSecondRunAsOnAnotherNodePurgesNothingTwiceAndAuditsNothingMore() {
        Tenant a = data.tenant("A");
        VerificationSession s = data.session(data.profile(a, 72, 1), "Short", "s@example.com", "T-1",
                T0.plus(Duration.ofDays(30)));
        data.attempt(s, Recommendation.REJECT, T0.plus(Duration.ofDays(30)));
        Instant now = T0.plus(Duration.ofDays(32));

        assertThat(job.purge(now)).isGreaterThanOrEqualTo(3);
        assertThat(job.purge(now.plusSeconds(1))).isZero();
        assertThat(purgeEvents(a)).singleElement().satisfies(e -> assertThat(e.details()).startsWith("3 images"));
    }

    @Test
    void purgesTheImagesOfAnApiSessionWhenItsResourcesExpireBeforeTheProfilesRetention() {
        Tenant a = data.tenant("A");
        var app = data.apiApplication(a, "Shop");
        Instant created = T0.plus(Duration.ofDays(100));
        VerificationSession twoHours = data.apiSession(a, app, "U-1", created, Duration.ofHours(2));
        StoredAttempt expiring = data.attempt(twoHours, Recommendation.APPROVE, created.plusSeconds(60));
        VerificationSession tenDays = data.apiSession(a, app, "U-2", created, Duration.ofDays(10));
        StoredAttempt kept = data.attempt(tenDays, Recommendation.APPROVE, created.plusSeconds(60));

        job.purge(created.plus(Duration.ofMinutes(119)));
        assertThat(media.findContent(a.id(), expiring.attempt().id(), MediaRole.CHALLENGE)).isPresent();

        // Two hours: far inside the profile's 30 days, yet past the session's resources_ttl.
        assertThat(job.purge(created.plus(Duration.ofHours(3)))).isGreaterThanOrEqualTo(3);

        for (MediaRole role : MediaRole.values()) {
            assertThat(media.findContent(a.id(), expiring.attempt().id(), role)).isEmpty();
            assertThat(media.findContent(a.id(), kept.attempt().id(), role)).isPresent();
        }
        assertThat(attemptQueries.attemptsOfSession(a.id(), twoHours.id()).get(0).media())
                .hasSize(3).allSatisfy(m -> assertThat(m.purged()).isTrue());
        assertThat(purgeEvents(a)).singleElement().satisfies(e -> assertThat(e.details()).startsWith("3 images"));
        assertThat(job.purge(created.plus(Duration.ofHours(4)))).isZero();
    }

    private List<AuditEvent> purgeEvents(Tenant t) {
        return audit.findByBusinessIdOrderByOccurredAtDesc(t.id(), Pageable.ofSize(50)).getContent().stream()
                .filter(e -> e.action().equals(AuditAction.MEDIA_PURGED.name())).toList();
    }

    @Test
    void theScheduledRunPurgesAtTheClocksTime() {
        Tenant a = data.tenant("A");
        VerificationSession old = data.session(data.profile(a, 72, 30), "Old", "o@example.com", "T-1",
                T0.plus(Duration.ofDays(60)));
        StoredAttempt oldAttempt = data.attempt(old, Recommendation.APPROVE, T0.plus(Duration.ofDays(60)));
        StoredAttempt fresh = data.attempt(data.session(a, "Fresh", "T-2"), Recommendation.APPROVE, NOW);

        job.run();

        assertThat(media.findContent(a.id(), oldAttempt.attempt().id(), MediaRole.FRONTAL_START)).isEmpty();
        assertThat(media.findContent(a.id(), fresh.attempt().id(), MediaRole.FRONTAL_START)).isPresent();
    }
}
