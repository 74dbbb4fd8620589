package dev.livecheck.persistence;

import dev.livecheck.persistence.applications.ApiNonces;
import dev.livecheck.persistence.attempts.AttemptQueries;
import dev.livecheck.persistence.attempts.AttemptRecorder;
import dev.livecheck.persistence.attempts.MediaRetention;
import dev.livecheck.persistence.sessions.FinalDecisions;
import dev.livecheck.persistence.support.StoredAsNaming;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.data.jdbc.repository.config.EnableJdbcRepositories;
import org.springframework.data.relational.core.mapping.NamingStrategy;

/**
 * The one entry point for applications: {@code @Import(PersistenceConfiguration.class)} registers every repository
 * of this module and its transactional services. The DataSource, Flyway and Spring Data JDBC infrastructure come from
 * Spring Boot's auto-configuration of the importing application (see the module README for the properties).
 */
@Configuration(proxyBeanMethods = false)
@EnableJdbcRepositories(basePackageClasses = PersistenceConfiguration.class)
@Import({AttemptRecorder.class, AttemptQueries.class, MediaRetention.class, FinalDecisions.class, ApiNonces.class})
public class PersistenceConfiguration {

    /** Snake-case columns, and {@link dev.livecheck.persistence.support.StoredAs} where a column keeps another name. */
    @Bean
    NamingStrategy namingStrategy() {
        return new StoredAsNaming();
    }
}
