package dev.livecheck.persistence.audit;

import static dev.livecheck.persistence.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.livecheck.persistence.DatabaseTest;
import dev.livecheck.persistence.Fixtures;
import dev.livecheck.persistence.audit.AuditAction;
import dev.livecheck.persistence.audit.AuditTarget;
import dev.livecheck.persistence.business.Business;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;

class AuditLogTest extends DatabaseTest {
    @Autowired
    AuditLog audit;
    @Autowired
    Fixtures fixtures;

    @Test
    void pagesNewestFirstPerBusiness() {
        Business a = fixtures.business("A");
        Business b = fixtures.business("B");
        UUID user = UUID.randomUUID();
        for (int i = 0; i < 5; i++) {
            audit.insert(AuditEvent.byUser(a.id(), user, AuditAction.SESSION_CREATED, AuditTarget.SESSION, "s" + i, "created", NOW.plusSeconds(i)));
        }
        audit.insert(AuditEvent.bySystem(b.id(), AuditAction.LOGIN_FAILED, AuditTarget.USER, null, "x".repeat(1500), NOW));

        Page<AuditEvent> first = audit.findByBusinessIdOrderByOccurredAtDesc(a.id(), PageRequest.of(0, 2));
        assertThat(first.getTotalElements()).isEqualTo(5);
        assertThat(first.getContent()).extracting(AuditEvent::targetId).containsExactly("s4", "s3");
        assertThat(audit.findByBusinessIdOrderByOccurredAtDesc(a.id(), PageRequest.of(2, 2)).getContent())
                .extracting(AuditEvent::targetId).containsExactly("s0");
        AuditEvent system = audit.findByBusinessIdOrderByOccurredAtDesc(b.id(), PageRequest.of(0, 10)).getContent().get(0);
        assertThat(system.actor()).isEqualTo(AuditEvent.SYSTEM);
        assertThat(system.details()).hasSize(1000);
    }
}
