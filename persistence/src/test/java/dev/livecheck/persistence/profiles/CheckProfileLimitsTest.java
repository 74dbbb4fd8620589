package dev.livecheck.persistence.profiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.livecheck.persistence.DatabaseTest;
import dev.livecheck.persistence.Fixtures;
import dev.livecheck.persistence.applications.ApiApplication;
import dev.livecheck.persistence.business.Business;
import dev.livecheck.persistence.sessions.RecordRetention;
import dev.livecheck.persistence.sessions.VerificationSession;
import dev.livecheck.persistence.support.EmailAddresses;
import dev.livecheck.persistence.users.PortalUser;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The Java constants are the one home of each limit; the migrations repeat them as CHECK constraints, DEFAULTs and
 * column lengths, which SQL cannot import. This test holds the two together: a value just inside each range is
 * stored, one just outside is refused by the database itself, each column DEFAULT is the constant's default, and each
 * VARCHAR is as long as its constant. Runs on H2 and, with {@code -Ppostgres}, on PostgreSQL.
 */
class CheckProfileLimitsTest extends DatabaseTest {
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Fixtures fixtures;

    record Limit(String column, int min, int max) {
    }

    static final List<Limit> LIMITS = List.of(
            new Limit("max_retries", CheckProfile.MIN_MAX_ATTEMPTS, CheckProfile.MAX_MAX_ATTEMPTS),
            new Limit("challenge_count", CheckProfile.MIN_CHALLENGE_COUNT, CheckProfile.MAX_CHALLENGE_COUNT),
            new Limit("link_lifetime_hours", CheckProfile.MIN_LINK_LIFETIME_HOURS, CheckProfile.MAX_LINK_LIFETIME_HOURS),
            new Limit("image_retention_days", CheckProfile.MIN_IMAGE_RETENTION_DAYS, CheckProfile.MAX_IMAGE_RETENTION_DAYS),
            new Limit("max_abandoned_attempts", CheckProfile.MIN_MAX_ABANDONED_ATTEMPTS,
                    CheckProfile.MAX_MAX_ABANDONED_ATTEMPTS),
            new Limit("record_retention_days", RecordRetention.MIN_DAYS, RecordRetention.MAX_DAYS));

    static Stream<Arguments> boundaries() {
        List<Arguments> cases = new ArrayList<>();
        for (Limit limit : LIMITS) {
            cases.add(Arguments.of(limit.column(), limit.min(), true));
            cases.add(Arguments.of(limit.column(), limit.max(), true));
            cases.add(Arguments.of(limit.column(), limit.min() - 1, false));
            cases.add(Arguments.of(limit.column(), limit.max() + 1, false));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} = {1}: stored {2}")
    @MethodSource("boundaries")
    void theDatabaseChecksTheConstantsRanges(String column, int value, boolean stored) {
        CheckProfile profile = fixtures.profile(fixtures.business("Limits"));
        String update = "UPDATE check_profile SET " + column + " = ? WHERE id = ?";
        if (stored) {
            assertThat(jdbc.update(update, value, profile.id())).isEqualTo(1);
        } else {
            assertThatThrownBy(() -> jdbc.update(update, value, profile.id()))
                    .isInstanceOf(DataIntegrityViolationException.class);
        }
    }

    @Test
    void theDomainRecordChecksTheSameRanges() {
        CheckProfile profile = CheckProfile.create(UUID.randomUUID(), "P", null, "S", "T", Fixtures.NOW);
        for (Limit limit : LIMITS.subList(0, 5)) {
            for (int value : new int[] {limit.min(), limit.max()}) {
                assertThat(set(profile.toBuilder(), limit.column(), value).build()).as(limit + " " + value).isNotNull();
            }
            for (int value : new int[] {limit.min() - 1, limit.max() + 1}) {
                assertThatThrownBy(() -> set(profile.toBuilder(), limit.column(), value).build()).as(limit + " " + value)
                        .isInstanceOf(IllegalArgumentException.class);
            }
        }
    }

    @Test
    void columnDefaultsAreTheConstantsDefaults() {
        Business b = fixtures.business("Defaults");
        UUID id = UUID.randomUUID();
        jdbc.update("""
                        INSERT INTO check_profile (id, business_id, name, liveness_type, brand_colour, locale, email_subject,
                          email_body_text, created_at, updated_at, version)
                        VALUES (?, ?, 'Defaults', 'ACTIVE', '#000000', 'en', 's', 't', ?, ?, 0)""",
                id, b.id(), Timestamp.from(Fixtures.NOW), Timestamp.from(Fixtures.NOW));
        Map<String, Object> row = jdbc.queryForMap("""
                SELECT max_retries, challenge_count, link_lifetime_hours, image_retention_days, max_abandoned_attempts,
                  record_retention_days FROM check_profile WHERE id = ?""", id);
        assertThat(row.values()).containsExactly(CheckProfile.DEFAULT_MAX_ATTEMPTS, CheckProfile.DEFAULT_CHALLENGE_COUNT,
                CheckProfile.DEFAULT_LINK_LIFETIME_HOURS, CheckProfile.DEFAULT_IMAGE_RETENTION_DAYS,
                CheckProfile.DEFAULT_MAX_ABANDONED_ATTEMPTS, RecordRetention.DEFAULT_DAYS);
    }

    static Stream<Arguments> columnLengths() {
        return Stream.of(
                Arguments.of("business", "name", Business.MAX_NAME_LENGTH),
                Arguments.of("portal_user", "email", EmailAddresses.MAX_LENGTH),
                Arguments.of("portal_user", "display_name", PortalUser.MAX_DISPLAY_NAME_LENGTH),
                Arguments.of("check_profile", "name", CheckProfile.MAX_NAME_LENGTH),
                Arguments.of("check_profile", "success_redirect_url", CheckProfile.MAX_REDIRECT_URL_LENGTH),
                Arguments.of("check_profile", "error_redirect_url", CheckProfile.MAX_REDIRECT_URL_LENGTH),
                Arguments.of("check_profile", "email_subject", CheckProfile.MAX_EMAIL_SUBJECT_LENGTH),
                Arguments.of("verification_session", "recipient_name", VerificationSession.MAX_RECIPIENT_NAME_LENGTH),
                Arguments.of("verification_session", "recipient_email", EmailAddresses.MAX_LENGTH),
                Arguments.of("verification_session", "tracking_id", VerificationSession.MAX_TRACKING_ID_LENGTH),
                Arguments.of("verification_session", "decision_note", VerificationSession.MAX_DECISION_NOTE_LENGTH),
                Arguments.of("email_outbox", "to_address", EmailAddresses.MAX_LENGTH),
                Arguments.of("api_application", "name", ApiApplication.MAX_NAME_LENGTH));
    }

    @ParameterizedTest(name = "{0}.{1} is VARCHAR({2})")
    @MethodSource("columnLengths")
    void columnLengthsAreTheConstants(String table, String column, int length) {
        assertThat(jdbc.queryForObject("""
                        SELECT character_maximum_length FROM information_schema.columns
                        WHERE LOWER(table_name) = ? AND LOWER(column_name) = ? AND table_schema = CURRENT_SCHEMA""",
                Integer.class, table, column)).isEqualTo(length);
    }

    private static CheckProfile.Builder set(CheckProfile.Builder builder, String column, int value) {
        return switch (column) {
            case "max_retries" -> builder.maxAttempts(value);
            case "challenge_count" -> builder.challengeCount(value);
            case "link_lifetime_hours" -> builder.linkLifetimeHours(value);
            case "image_retention_days" -> builder.imageRetentionDays(value);
            case "max_abandoned_attempts" -> builder.maxAbandonedAttempts(value);
            default -> throw new IllegalArgumentException(column);
        };
    }
}
