package dev.livecheck.persistence.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Stored audit rows carry the action and target type by name, so renaming a constant would orphan every row written
 * before: the names are pinned here (adding one is fine, renaming or removing one is not).
 */
class AuditVocabularyTest {

    @Test
    void theStoredActionNamesStayAsTheyWere() {
        assertThat(Arrays.stream(AuditAction.values()).map(Enum::name)).contains(
                "BUSINESS_CREATED", "USER_CREATED", "USER_UPDATED", "USER_DELETED", "LOGIN_SUCCEEDED", "LOGIN_FAILED",
                "ACCOUNT_LOCKED", "LOGIN_THROTTLED", "PASSWORD_CHANGED", "TOTP_ENABLED", "TOTP_DISABLED", "TOTP_FAILED",
                "RECOVERY_CODE_USED", "PROFILE_CREATED", "PROFILE_UPDATED", "PROFILE_ARCHIVED", "APPLICATION_CREATED",
                "APPLICATION_REVOKED", "SESSION_CREATED", "SESSION_LINK_RESENT", "SESSION_CANCELLED", "SESSION_DELETED",
                "SESSION_EXPIRED_DELETED", "FINAL_DECISION_RECORDED", "ATTEMPT_ABANDONED", "MEDIA_PURGED",
                "EXPORT_DOWNLOADED", "REPORT_PDF_GENERATED", "EVIDENCE_DOWNLOADED", "EMAIL_FAILED", "NOTIFICATION_FAILED",
                "NOTIFICATION_REQUEUED", "METRICS_TOKEN_FAILED");
        assertThat(Arrays.stream(AuditTarget.values()).map(Enum::name)).contains(
                "BUSINESS", "USER", "PROFILE", "API_APPLICATION", "SESSION", "MEDIA", "EMAIL", "NOTIFICATION", "METRICS");
    }

    @Test
    void theFactoriesStoreTheNamesAndTheActor() {
        UUID business = UUID.randomUUID();
        UUID user = UUID.randomUUID();
        UUID application = UUID.randomUUID();
        Instant at = Instant.parse("2026-03-02T10:15:30Z");

        AuditEvent byUser = AuditEvent.byUser(business, user, AuditAction.SESSION_CREATED, AuditTarget.SESSION, "s-1",
                "crm-1", at);
        assertThat(byUser.action()).isEqualTo("SESSION_CREATED");
        assertThat(byUser.targetType()).isEqualTo("SESSION");
        assertThat(byUser.actor()).isEqualTo(user.toString());
        assertThat(AuditEvent.byApplication(business, application, AuditAction.MEDIA_PURGED, AuditTarget.MEDIA, "m",
                null, at).actor()).isEqualTo("application:" + application);
        assertThat(AuditEvent.bySystem(business, AuditAction.EMAIL_FAILED, AuditTarget.EMAIL, "e", "x".repeat(1500), at))
                .satisfies(e -> assertThat(e.actor()).isEqualTo(AuditEvent.SYSTEM))
                .satisfies(e -> assertThat(e.details()).hasSize(AuditEvent.MAX_DETAILS_LENGTH));
    }
}
