package dev.livecheck.portal.sessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.livecheck.persistence.attempts.StoredAttempt;
import dev.livecheck.persistence.audit.AuditAction;
import dev.livecheck.persistence.audit.AuditLog;
import dev.livecheck.persistence.sessions.FinalDecision;
import dev.livecheck.persistence.sessions.Recommendation;
import dev.livecheck.persistence.sessions.VerificationSession;
import dev.livecheck.portal.PortalWebTest;
import dev.livecheck.portal.TestData.Tenant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;
import org.springframework.mock.web.MockHttpServletResponse;

class SessionReportControllerTest extends PortalWebTest {

    @Autowired
    AuditLog audit;

    @Test
    void showsTheSessionEveryAttemptWithImagesAndTheSubCheckBreakdown() throws Exception {
        Tenant a = data.tenant("A");
        VerificationSession s = data.session(a, "Grace Hopper", "T-42");
        StoredAttempt first = data.attempt(s, Recommendation.REJECT, NOW.minusSeconds(60));
        StoredAttempt second = data.attempt(s, Recommendation.APPROVE, NOW);

        String html = mvc.perform(get("/sessions/{id}/report", s.id()).with(user(a.reviewer())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("Grace Hopper", "recipient@example.com", "Default");
        assertThat(textOf(html, "tracking-id")).isEqualTo("T-42");
        assertThat(html).contains("Completed", "(approved)");
        assertThat(textOf(html, "attempts-used")).isEqualTo("2 of 3");
        assertThat(textOf(html, "latest-recommendation")).isEqualTo("Approve");
        for (StoredAttempt attempt : new StoredAttempt[] {first, second}) {
            for (String role : new String[] {"FRONTAL_START", "CHALLENGE", "FRONTAL_END"}) {
                assertThat(html).contains("src=\"/sessions/" + s.id() + "/attempts/" + attempt.attempt().id()
                        + "/images/" + role + "\"");
            }
        }
        // Attempt 1: rejected by the 3D-structure check; its measured values are in the table, rounded.
        String attempt1 = html.substring(html.indexOf("id=\"attempt-1\""), html.indexOf("id=\"attempt-2\""));
        assertThat(attempt1).contains("Reject", ">FAIL<", "FLAT_SURFACE", "TURN_LEFT, LOOK_UP",
                "5400 ms capture, 120 ms decision; 90 frames, 88 analysed");
        assertThat(attempt1).contains("structure_3d", "parallax_ratio", "0.04123", "yaw_range_deg", "31.5",
                "frames_used", "42", "challenge_response", "presentation", "moire", "0.0123");
        String attempt2 = html.substring(html.indexOf("id=\"attempt-2\""));
        assertThat(attempt2).contains(">PASS<", "0.2312").doesNotContain("FLAT_SURFACE");
        assertThat(html).contains("id=\"decision-form\"").doesNotContain(" style=");
    }

    @Test
    void aSessionWithoutAttemptsAndAnUnreadableReportStillRender() throws Exception {
        Tenant a = data.tenant("A");
        VerificationSession s = data.session(a, "Nobody Yet", null);
        String html = mvc.perform(get("/sessions/{id}/report", s.id()).with(user(a.reviewer())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("id=\"no-attempts\"", "0 of 3", "Ongoing");
    }

    @Test
    void anotherBusinessesSessionIsNotFound() throws Exception {
        Tenant a = data.tenant("A");
        Tenant b = data.tenant("B");
        VerificationSession s = data.session(a, "Grace Hopper", "T-42");

        mvc.perform(get("/sessions/{id}/report", s.id()).with(user(b.owner()))).andExpect(status().isNotFound());
        mvc.perform(get("/sessions/{id}/report", UUID.randomUUID()).with(user(a.owner())))
                .andExpect(status().isNotFound());
        mvc.perform(get("/sessions/{id}/report", s.id())).andExpect(status().is3xxRedirection());
    }

    @Test
    void aReviewerRecordsTheDecisionOnceAndItIsAudited() throws Exception {
        Tenant a = data.tenant("A");
        VerificationSession s = data.session(a, "Grace Hopper", "T-42");
        data.attempt(s, Recommendation.APPROVE, NOW);

        mvc.perform(post("/sessions/{id}/decision", s.id()).param("decision", "APPROVED")
                        .param("note", "  documents match  ").with(csrf()).with(user(a.reviewer())))
                .andExpect(redirectedUrl("/sessions/" + s.id() + "/report"))
                .andExpect(flash().attribute("flashMessage", "reports.decision.recorded"));

        VerificationSession decided = data.sessions().findByBusinessIdAndId(a.id(), s.id()).orElseThrow();
        assertThat(decided.finalDecision()).isEqualTo(FinalDecision.APPROVED);
        assertThat(decided.decisionNote()).isEqualTo("documents match");
        assertThat(decided.decidedBy()).isEqualTo(a.reviewer().userId());
        assertThat(decided.decidedAt()).isEqualTo(NOW);
        assertThat(audit.findByBusinessIdOrderByOccurredAtDesc(a.id(), Pageable.ofSize(10)))
                .anySatisfy(e -> {
                    assertThat(e.action()).isEqualTo(AuditAction.FINAL_DECISION_RECORDED.name());
                    assertThat(e.targetId()).isEqualTo(s.id().toString());
                    assertThat(e.actor()).isEqualTo(a.reviewer().userId().toString());
                });

        String html = mvc.perform(get("/sessions/{id}/report", s.id()).with(user(a.admin())))
                .andReturn().getResponse().getContentAsString();
        assertThat(html).doesNotContain("id=\"decision-form\"").contains("id=\"decision-recorded\"", "Approved",
                "documents match", "Recorded by " + a.reviewer().displayName() + " at 2026-03-02 10:15:30 UTC");
    }

    @Test
    void aSecondDecisionIsRefusedWithAClearMessageAndChangesNothing() throws Exception {
        Tenant a = data.tenant("A");
        VerificationSession s = data.session(a, "Grace Hopper", "T-42");
        mvc.perform(post("/sessions/{id}/decision", s.id()).param("decision", "REJECTED").param("note", "first")
                .with(csrf()).with(user(a.reviewer())));

        MockHttpServletResponse refused = mvc.perform(post("/sessions/{id}/decision", s.id())
                        .param("decision", "APPROVED").param("note", "second").with(csrf()).with(user(a.owner())))
                .andExpect(redirectedUrl("/sessions/" + s.id() + "/report"))
                .andExpect(flash().attribute("reportError", "reports.decision.alreadyRecorded"))
                .andReturn().getResponse();

        VerificationSession after = data.sessions().findByBusinessIdAndId(a.id(), s.id()).orElseThrow();
        assertThat(after.finalDecision()).isEqualTo(FinalDecision.REJECTED);
        assertThat(after.decisionNote()).isEqualTo("first");
        assertThat(after.decidedBy()).isEqualTo(a.reviewer().userId());
        assertThat(audit.findByBusinessIdOrderByOccurredAtDesc(a.id(), Pageable.ofSize(10)).getContent())
                .filteredOn(e -> e.action().equals(AuditAction.FINAL_DECISION_RECORDED.name())).hasSize(1);

        // Follow the redirect as a browser would: the flash message travels in the (JDBC-backed) HTTP session.
        String html = mvc.perform(get("/sessions/{id}/report", s.id()).with(user(a.owner()))
                        .cookie(refused.getCookie("SESSION")))
                .andReturn().getResponse().getContentAsString();
        assertThat(textOf(html, "report-error")).startsWith("A final decision had already been recorded");
    }

    @Test
    void aDecisionNeedsAValidChoiceAShortNoteAndACsrfToken() throws Exception {
        Tenant a = data.tenant("A");
        VerificationSession s = data.session(a, "Grace Hopper", "T-42");

        mvc.perform(post("/sessions/{id}/decision", s.id()).param("decision", "MAYBE").with(csrf())
                        .with(user(a.reviewer())))
                .andExpect(flash().attribute("reportError", "reports.decision.choose"));
        mvc.perform(post("/sessions/{id}/decision", s.id()).param("decision", "APPROVED")
                        .param("note", "x".repeat(2001)).with(csrf()).with(user(a.reviewer())))
                .andExpect(flash().attribute("reportError", "reports.decision.noteTooLong"));
        mvc.perform(post("/sessions/{id}/decision", s.id()).param("decision", "APPROVED")
                        .with(user(a.reviewer())))
                .andExpect(status().isForbidden());

        assertThat(data.sessions().findByBusinessIdAndId(a.id(), s.id()).orElseThrow().finalDecision()).isNull();
    }

    @Test
    void aDecisionOnAnotherBusinessesSessionIsNotFoundAndChangesNothing() throws Exception {
        Tenant a = data.tenant("A");
        Tenant b = data.tenant("B");
        VerificationSession s = data.session(a, "Grace Hopper", "T-42");

        mvc.perform(post("/sessions/{id}/decision", s.id()).param("decision", "APPROVED").with(csrf())
                        .with(user(b.owner())))
                .andExpect(status().isNotFound());
        mvc.perform(post("/sessions/{id}/decision", s.id()).param("decision", "MAYBE").with(csrf())
                        .with(user(b.owner())))
                .andExpect(status().isNotFound());

        assertThat(data.sessions().findByBusinessIdAndId(a.id(), s.id()).orElseThrow().finalDecision()).isNull();
    }
}
