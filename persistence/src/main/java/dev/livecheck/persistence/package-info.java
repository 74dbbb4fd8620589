/**
 * Livecheck persistence: the domain model of the portal (businesses, users, check profiles, verification
 * sessions, attempts with their images, the e-mail outbox and the audit log), tenant-scoped Spring Data JDBC
 * repositories and the Flyway migrations in {@code db/migration}. Import {@link dev.livecheck.persistence.PersistenceConfiguration}.
 *
 * <p>Tenant rule: every repository extends the bare {@link org.springframework.data.repository.Repository} and
 * its methods take the business id, apart from a documented allow-list of global methods.
 */
@NullMarked
package dev.livecheck.persistence;

import org.jspecify.annotations.NullMarked;
