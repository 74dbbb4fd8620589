package dev.livecheck.portal.setup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livecheck.portal.TwoTenantsWebTest;
import org.junit.jupiter.api.Test;

/** The unattended bootstrap (livecheck.bootstrap.*) created the first business. */
class BootstrapTest extends TwoTenantsWebTest {

    @Test
    void bootstrapCreatedTheFirstBusinessWithAuditEvents() {
        assertThat(jdbc.sql("SELECT role FROM portal_user WHERE email = 'owner@bootstrap.test'").query(String.class)
                .single()).isEqualTo("OWNER");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE details LIKE '%bootstrap%'").query(Long.class)
                .single()).isEqualTo(2);
    }
}
