package dev.livecheck.persistence;

import org.springframework.boot.data.jdbc.test.autoconfigure.DataJdbcTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the repository slice tests: Spring Data JDBC + Flyway against {@link TestDatabase} (H2 in memory, or
 * PostgreSQL with the {@code postgres} Maven profile). Each test runs in a rolled-back transaction unless it opts out;
 * tests that commit use fresh businesses so they never see each other's rows.
 */
@DataJdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import(Fixtures.class)
public abstract class DatabaseTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", TestDatabase::url);
        registry.add("spring.datasource.username", TestDatabase::user);
        registry.add("spring.datasource.password", TestDatabase::password);
    }
}
