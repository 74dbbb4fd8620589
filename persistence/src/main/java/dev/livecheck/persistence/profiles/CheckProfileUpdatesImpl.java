package dev.livecheck.persistence.profiles;

import static dev.livecheck.persistence.support.Sql.ts;

import java.time.Instant;
import java.util.UUID;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;

class CheckProfileUpdatesImpl implements CheckProfileUpdates {
    private final JdbcClient jdbc;

    CheckProfileUpdatesImpl(NamedParameterJdbcOperations jdbc) {
        this.jdbc = JdbcClient.create(jdbc);
    }

    @Override
    public CheckProfile update(UUID businessId, CheckProfile p, Instant at) {
        if (!businessId.equals(p.businessId()) || p.version() == null) {
            throw new OptimisticLockingFailureException("profile " + p.id() + " was not loaded from business " + businessId);
        }
        int rows = jdbc.sql("""
                        UPDATE check_profile SET name = :name, liveness_type = :type, max_retries = :maxAttempts,
                          challenge_count = :challengeCount, link_lifetime_hours = :lifetime,
                          image_retention_days = :retention, max_abandoned_attempts = :maxAbandoned,
                          success_redirect_url = :success,
                          error_redirect_url = :error, brand_colour = :colour, locale = :locale,
                          email_subject = :subject, email_body_text = :bodyText, email_body_html = :bodyHtml,
                          updated_at = :at, version = version + 1
                        WHERE business_id = :businessId AND id = :id AND version = :version""")
                .param("name", p.name()).param("type", p.livenessType().name())
                .param("maxAttempts", p.maxAttempts()).param("challengeCount", p.challengeCount())
                .param("lifetime", p.linkLifetimeHours()).param("retention", p.imageRetentionDays())
                .param("maxAbandoned", p.maxAbandonedAttempts())
                .param("success", p.successRedirectUrl()).param("error", p.errorRedirectUrl())
                .param("colour", p.brandColour()).param("locale", p.locale()).param("subject", p.emailSubject())
                .param("bodyText", p.emailBodyText()).param("bodyHtml", p.emailBodyHtml()).param("at", ts(at))
                .param("businessId", businessId).param("id", p.id()).param("version", p.version())
                .update();
        if (rows != 1) {
            throw new OptimisticLockingFailureException("profile " + p.id() + " changed meanwhile or is not in business " + businessId);
        }
        return p.toBuilder().updatedAt(at).version(p.version() + 1).build();
    }
}
