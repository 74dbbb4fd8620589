package dev.livecheck.portal.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livecheck.persistence.audit.AuditAction;
import dev.livecheck.persistence.audit.AuditEvent;
import dev.livecheck.persistence.audit.AuditLog;
import dev.livecheck.persistence.audit.AuditTarget;
import dev.livecheck.persistence.outbox.EmailOutbox;
import dev.livecheck.persistence.outbox.Outbox;
import dev.livecheck.persistence.profiles.CheckProfile;
import dev.livecheck.persistence.profiles.CheckProfiles;
import dev.livecheck.persistence.sessions.Recommendation;
import dev.livecheck.persistence.sessions.VerificationSession;
import dev.livecheck.portal.PortalWebTest;
import dev.livecheck.portal.TestData;
import dev.livecheck.portal.TestData.Tenant;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Session records past their profile's record retention go with everything attached; the audit log keeps only ids.
 * Its own database: the job is global and must not take other tests' sessions.
 */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:record-retention;DB_CLOSE_DELAY=-1")
@ActiveProfiles("test")
class SessionRecordRetentionJobTest {
    private static final Instant T0 = PortalWebTest.NOW;

    @Autowired
    SessionRecordRetentionJob job;
    @Autowired
    ApplicationContext context;
    @Autowired
    CheckProfiles profiles;
    @Autowired
    Outbox outbox;
    @Autowired
    AuditLog audit;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aRecordPastItsRetentionGoesWithAttemptsImagesAndEmailsAndLeavesOnlyIds() {
        TestData data = new TestData(context);
        Tenant a = data.tenant("A");
        CheckProfile thirtyDays = data.profile(a, 72, 30);
        profiles.changeRecordRetentionDays(a.id(), thirtyDays.id(), 30);
        VerificationSession old = data.session(thirtyDays, "Ada Lovelace", "ada@example.com", "CRM-ADA-1", T0);
        data.attempt(old, Recommendation.REJECT, T0.plusSeconds(60));
        outbox.insert(EmailOutbox.pending(a.id(), old.id(), "ada@example.com", "Check for Ada", "Hello Ada", null,
                T0));
        audit.insert(AuditEvent.bySystem(a.id(), AuditAction.SESSION_CREATED, AuditTarget.SESSION, old.id().toString(),
                "tracking id CRM-ADA-1", T0));
        VerificationSession recent = data.session(thirtyDays, "Bob", "bob@example.com", "CRM-BOB", T0.plus(
                Duration.ofDays(20)));
        // the default profile keeps records 365 days: a session of the same age there stays
        VerificationSession defaultProfile = data.session(a.profile(), "Cy", "cy@example.com", "CRM-CY", T0);

        assertThat(job.delete(T0.plus(Duration.ofDays(30)).minusSeconds(1))).isZero();
        assertThat(job.delete(T0.plus(Duration.ofDays(31)))).isOne();

        assertThat(count("verification_session", old)).isZero();
        assertThat(count("attempt", old)).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM media WHERE business_id = ?").param(a.id()).query(Long.class)
                .single()).isZero();
        assertThat(count("email_outbox", old)).isZero();
        assertThat(count("verification_session", recent)).isOne();
        assertThat(count("verification_session", defaultProfile)).isOne();

        var events = audit.findByBusinessIdOrderByOccurredAtDesc(a.id(), Pageable.ofSize(50)).getContent();
        assertThat(events).filteredOn(e -> old.id().toString().equals(e.targetId()))
                .extracting(AuditEvent::action).contains(AuditAction.SESSION_CREATED.name(), AuditAction.SESSION_EXPIRED_DELETED.name());
        assertThat(events).filteredOn(e -> old.id().toString().equals(e.targetId()))
                .allSatisfy(e -> assertThat(e.details() == null ? "" : e.details())
                        .doesNotContain("CRM-ADA", "Ada", "ada@"));

        // a second node's run finds nothing left
        assertThat(job.delete(T0.plus(Duration.ofDays(31)))).isZero();
    }

    private long count(String table, VerificationSession session) {
        String column = table.equals("verification_session") ? "id" : "session_id";
        return jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE " + column + " = ?").param(session.id())
                .query(Long.class).single();
    }
}
