package dev.livecheck.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.livecheck.persistence.business.Business;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.transaction.support.TransactionTemplate;

/** The migrations: applied, constraints enforced by the database itself, Spring Session's tables usable. */
class MigrationTest extends DatabaseTest {
    @Autowired
    JdbcTemplate jdbcTemplate;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    Fixtures fixtures;

    @Test
    void runsOnTheSelectedDatabase() {
        String product = jdbcTemplate.execute((org.springframework.jdbc.core.ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName());
        assertThat(product).isEqualTo(TestDatabase.postgres() ? "PostgreSQL" : "H2");
    }

    @Test
    void everyMigrationIsApplied() {
        assertThat(jdbcTemplate.queryForList("SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"success\" = TRUE AND \"version\" IS NOT NULL ORDER BY \"installed_rank\"", String.class))
                .containsExactly("1", "2", "3", "4", "5", "6", "8", "9", "10");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "max retries 0         | 0 | 2 | 72  | 30 | #1f6feb | en | ACTIVE",
            "max retries 11        | 11| 2 | 72  | 30 | #1f6feb | en | ACTIVE",
            "one challenge         | 3 | 1 | 72  | 30 | #1f6feb | en | ACTIVE",
            "four challenges       | 3 | 4 | 72  | 30 | #1f6feb | en | ACTIVE",
            "link lifetime 0       | 3 | 2 | 0   | 30 | #1f6feb | en | ACTIVE",
            "retention 0           | 3 | 2 | 72  | 0  | #1f6feb | en | ACTIVE",
            "colour without hash   | 3 | 2 | 72  | 30 | 1f6feb0 | en | ACTIVE",
            "colour not hex        | 3 | 2 | 72  | 30 | #1f6feg | en | ACTIVE",
            "colour upper case     | 3 | 2 | 72  | 30 | #1F6FEB | en | ACTIVE",
            "colour too short      | 3 | 2 | 72  | 30 | #fff    | en | ACTIVE",
            "locale one letter     | 3 | 2 | 72  | 30 | #1f6feb | e  | ACTIVE",
            "unknown liveness type | 3 | 2 | 72  | 30 | #1f6feb | en | MAGIC"})
    void checkConstraintsRejectBadProfiles(String what, int maxRetries, int challenges, int lifetime, int retention,
                                           String colour, String locale, String type) {
        Business b = fixtures.business("Checks");
        assertThatThrownBy(() -> insertProfile(b.id(), maxRetries, challenges, lifetime, retention, colour, locale, type))
                .as(what).isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void aGoodProfileInsertedWithPlainSqlGetsTheDefaults() {
        Business b = fixtures.business("Defaults");
        insertProfile(b.id(), 3, 2, 72, 30, "#00ff7f", "de", "PASSIVE");
        UUID id = UUID.randomUUID();
        JdbcClient.create(jdbcTemplate).sql("""
                        INSERT INTO check_profile (id, business_id, name, liveness_type, brand_colour, locale, email_subject,
                          email_body_text, created_at, updated_at, version)
                        VALUES (?, ?, 'Defaults', 'ACTIVE', '#000000', 'en', 's', 't', ?, ?, 0)""")
                .params(id, b.id(), Timestamp.from(Fixtures.NOW), Timestamp.from(Fixtures.NOW)).update();
        assertThat(jdbcTemplate.queryForMap("SELECT max_retries, challenge_count, link_lifetime_hours, image_retention_days, archived FROM check_profile WHERE id = ?", id))
                .containsValues(3, 2, 72, 30, false);
    }

    @Test
    void emailsMustBeStoredLowerCase() {
        Business b = fixtures.business("Emails");
        assertThatThrownBy(() -> jdbcTemplate.update("""
                        INSERT INTO portal_user (id, business_id, email, display_name, password_hash, role, enabled,
                          created_at, version) VALUES (?, ?, 'Upper@Example.com', 'U', 'x', 'OWNER', TRUE, ?, 0)""",
                UUID.randomUUID(), b.id(), Timestamp.from(Fixtures.NOW)))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void springSessionJdbcWorksOnTheMigratedTables() {
        SessionRepository<Session> repository = (SessionRepository) new JdbcIndexedSessionRepository(jdbcTemplate, tx);
        Session session = repository.createSession();
        session.setAttribute("user", "someone@example.com");
        session.setAttribute("blob", new byte[5000]);
        session.setMaxInactiveInterval(Duration.ofMinutes(30));
        repository.save(session);

        Session loaded = repository.findById(session.getId());
        assertThat(loaded).isNotNull();
        assertThat((String) loaded.getAttribute("user")).isEqualTo("someone@example.com");
        assertThat((byte[]) loaded.getAttribute("blob")).hasSize(5000);
        repository.deleteById(session.getId());
        assertThat(repository.findById(session.getId())).isNull();
    }

    private void insertProfile(UUID businessId, int maxRetries, int challenges, int lifetime, int retention,
                               String colour, String locale, String type) {
        jdbcTemplate.update("""
                        INSERT INTO check_profile (id, business_id, name, liveness_type, max_retries, challenge_count,
                          link_lifetime_hours, image_retention_days, brand_colour, locale, email_subject, email_body_text,
                          created_at, updated_at, version)
                        VALUES (?, ?, 'P', ?, ?, ?, ?, ?, ?, ?, 'Subject', 'Body', ?, ?, 0)""",
                UUID.randomUUID(), businessId, type, maxRetries, challenges, lifetime, retention, colour, locale,
                Timestamp.from(Fixtures.NOW), Timestamp.from(Fixtures.NOW));
    }
}
