package dev.livecheck.portal.sessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.livecheck.persistence.attempts.Attempts;
import dev.livecheck.persistence.attempts.MediaFiles;
import dev.livecheck.persistence.attempts.MediaRole;
import dev.livecheck.persistence.attempts.StoredAttempt;
import dev.livecheck.persistence.audit.AuditAction;
import dev.livecheck.persistence.audit.AuditLog;
import dev.livecheck.persistence.sessions.Recommendation;
import dev.livecheck.persistence.sessions.VerificationSession;
import dev.livecheck.portal.PortalWebTest;
import dev.livecheck.portal.TestData.Tenant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;

class SessionDeletionControllerTest extends PortalWebTest {

    @Autowired
    Attempts attempts;

    @Autowired
    MediaFiles media;

    @Autowired
    AuditLog audit;

    @Test
    void anAdminConfirmsThenDeletesTheSessionWithItsAttemptsAndImages() throws Exception {
        Tenant a = data.tenant("A");
        VerificationSession s = data.session(a, "Grace Hopper", "T-42");
        StoredAttempt attempt = data.attempt(s, Recommendation.REJECT, NOW);

        String confirm = mvc.perform(get("/sessions/{id}/delete", s.id()).with(user(a.admin())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(confirm).contains("id=\"delete-form\"", "action=\"/sessions/" + s.id() + "/delete\"",
                "name=\"_csrf\"", "Grace Hopper", "T-42");
        assertThat(data.sessions().findByBusinessIdAndId(a.id(), s.id())).isPresent();

        mvc.perform(post("/sessions/{id}/delete", s.id()).with(csrf()).with(user(a.admin())))
                .andExpect(redirectedUrl("/sessions"))
                .andExpect(flash().attribute("flashMessage", "reports.delete.done"));

        assertThat(data.sessions().findByBusinessIdAndId(a.id(), s.id())).isEmpty();
        assertThat(attempts.countByBusinessIdAndSessionId(a.id(), s.id())).isZero();
        for (MediaRole role : MediaRole.values()) {
            assertThat(media.findContent(a.id(), attempt.attempt().id(), role)).isEmpty();
        }
        assertThat(audit.findByBusinessIdOrderByOccurredAtDesc(a.id(), Pageable.ofSize(10)))
                .anySatisfy(e -> {
                    assertThat(e.action()).isEqualTo(AuditAction.SESSION_DELETED.name());
                    assertThat(e.targetId()).isEqualTo(s.id().toString());
                    assertThat(e.actor()).isEqualTo(a.admin().userId().toString());
                    assertThat(e.details()).contains("T-42").doesNotContain("Grace");
                });
        mvc.perform(get("/sessions/{id}/report", s.id()).with(user(a.admin()))).andExpect(status().isNotFound());
    }

    @Test
    void theOwnerMayDeleteToo() throws Exception {
        Tenant a = data.tenant("A");
        VerificationSession s = data.session(a, "Grace Hopper", "T-42");
        mvc.perform(post("/sessions/{id}/delete", s.id()).with(csrf()).with(user(a.owner())))
                .andExpect(redirectedUrl("/sessions"));
        assertThat(data.sessions().findByBusinessIdAndId(a.id(), s.id())).isEmpty();
    }

    @Test
    void aReviewerMayNotDeleteNorSeeTheButton() throws Exception {
        Tenant a = data.tenant("A");
        VerificationSession s = data.session(a, "Grace Hopper", "T-42");

        mvc.perform(get("/sessions/{id}/delete", s.id()).with(user(a.reviewer()))).andExpect(status().isForbidden());
        mvc.perform(post("/sessions/{id}/delete", s.id()).with(csrf()).with(user(a.reviewer())))
                .andExpect(status().isForbidden());
        assertThat(data.sessions().findByBusinessIdAndId(a.id(), s.id())).isPresent();

        String asReviewer = mvc.perform(get("/sessions/{id}/report", s.id()).with(user(a.reviewer())))
                .andReturn().getResponse().getContentAsString();
        assertThat(asReviewer).doesNotContain("id=\"delete-link\"");
        String asAdmin = mvc.perform(get("/sessions/{id}/report", s.id()).with(user(a.admin())))
                .andReturn().getResponse().getContentAsString();
        assertThat(asAdmin).contains("id=\"delete-link\"");
    }

    @Test
    void anotherBusinessesSessionIsNotFoundAndStays() throws Exception {
        Tenant a = data.tenant("A");
        Tenant b = data.tenant("B");
        VerificationSession s = data.session(a, "Grace Hopper", "T-42");
        data.attempt(s, Recommendation.APPROVE, NOW);

        mvc.perform(get("/sessions/{id}/delete", s.id()).with(user(b.owner()))).andExpect(status().isNotFound());
        mvc.perform(post("/sessions/{id}/delete", s.id()).with(csrf()).with(user(b.owner())))
                .andExpect(status().isNotFound());
        mvc.perform(post("/sessions/{id}/delete", UUID.randomUUID()).with(csrf()).with(user(a.owner())))
                .andExpect(status().isNotFound());

        assertThat(data.sessions().findByBusinessIdAndId(a.id(), s.id())).isPresent();
        assertThat(attempts.countByBusinessIdAndSessionId(a.id(), s.id())).isEqualTo(1);
    }

    @Test
    void deletingNeedsACsrfToken() throws Exception {
        Tenant a = data.tenant("A");
        VerificationSession s = data.session(a, "Grace Hopper", "T-42");
        mvc.perform(post("/sessions/{id}/delete", s.id()).with(user(a.owner()))).andExpect(status().isForbidden());
        assertThat(data.sessions().findByBusinessIdAndId(a.id(), s.id())).isPresent();
    }
}
