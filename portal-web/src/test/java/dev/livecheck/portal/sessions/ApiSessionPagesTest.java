package dev.livecheck.portal.sessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.livecheck.persistence.applications.ApiApplication;
import dev.livecheck.persistence.audit.AuditAction;
import dev.livecheck.persistence.audit.AuditEvent;
import dev.livecheck.persistence.audit.AuditLog;
import dev.livecheck.persistence.audit.AuditTarget;
import dev.livecheck.persistence.outbox.Outbox;
import dev.livecheck.persistence.sessions.FinalDecision;
import dev.livecheck.persistence.sessions.Recommendation;
import dev.livecheck.persistence.sessions.VerificationSession;
import dev.livecheck.portal.PortalWebTest;
import dev.livecheck.portal.TestData.Tenant;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A session created through the API (no recipient) is an ordinary session in the portal: listed, counted, reported,
 * decided and deleted like any other, naming its application where a portal session names its recipient.
 */
class ApiSessionPagesTest extends PortalWebTest {

    @Autowired
    Outbox outbox;
    @Autowired
    AuditLog audit;

    @Test
    void theListAndTheDashboardNameTheApplication() throws Exception {
        Tenant a = data.tenant("A");
        ApiApplication app = data.apiApplication(a, "Web shop");
        VerificationSession api = data.apiSession(a, app, "U-1", NOW, Duration.ofDays(1));
        data.attempt(api, Recommendation.APPROVE, NOW);
        data.session(a, "Grace Hopper", "T-2");

        String list = page("/sessions", a);
        assertThat(list).contains("API application Web shop", "U-1", "Grace Hopper", "recipient@example.com");
        assertThat(page("/sessions?q=U-1", a)).contains("API application Web shop").doesNotContain("Grace Hopper");

        String dashboard = page("/dashboard", a);
        assertThat(dashboard).contains("API application Web shop", "Grace Hopper");
    }

    @Test
    void theDetailPageSaysWhichApplicationCreatedItAndOffersNoResend() throws Exception {
        Tenant a = data.tenant("A");
        ApiApplication app = data.apiApplication(a, "Web shop");
        VerificationSession api = data.apiSession(a, app, "U-1", NOW, Duration.ofDays(1));

        String html = mvc.perform(get("/sessions/{id}", api.id()).with(user(a.admin())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(textOf(html, "session-recipient")).isEqualTo("Created by API application Web shop");
        assertThat(html).doesNotContain("/resend").contains("/cancel");
        mvc.perform(post("/sessions/{id}/resend", api.id()).with(csrf()).with(user(a.admin())))
                .andExpect(redirectedUrl("/sessions/" + api.id()))
                .andExpect(flash().attribute("errorMessage", "session.resend.notForApi"));
        assertThat(outbox.findAllByBusinessIdAndSessionIdOrderByCreatedAt(a.id(), api.id())).isEmpty();
    }

    @Test
    void theReportShowsTheAttemptsAndTakesTheFinalDecision() throws Exception {
        Tenant a = data.tenant("A");
        ApiApplication app = data.apiApplication(a, "Web shop");
        VerificationSession api = data.apiSession(a, app, "U-1", NOW, Duration.ofDays(1));
        data.attempt(api, Recommendation.REJECT, NOW.minusSeconds(60));

        String html = page("/sessions/" + api.id() + "/report", a);
        assertThat(html).contains("Report: API application Web shop", "FLAT_SURFACE", "structure_3d");
        assertThat(textOf(html, "recipient")).isEqualTo("Created by API application Web shop");
        assertThat(textOf(html, "tracking-id")).isEqualTo("U-1");

        mvc.perform(post("/sessions/{id}/decision", api.id()).param("decision", "REJECTED").with(csrf())
                        .with(user(a.reviewer())))
                .andExpect(flash().attribute("flashMessage", "reports.decision.recorded"));
        assertThat(data.sessions().findByBusinessIdAndId(a.id(), api.id()).orElseThrow().finalDecision())
                .isEqualTo(FinalDecision.REJECTED);
    }

    @Test
    void itIsDeletedFromThePortalLikeAnyOther() throws Exception {
        Tenant a = data.tenant("A");
        ApiApplication app = data.apiApplication(a, "Web shop");
        VerificationSession api = data.apiSession(a, app, "U-1", NOW, Duration.ofDays(1));

        assertThat(mvc.perform(get("/sessions/{id}/delete", api.id()).with(user(a.admin())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .contains("The session of API application Web shop (tracking id U-1)");
        mvc.perform(post("/sessions/{id}/delete", api.id()).with(csrf()).with(user(a.admin())))
                .andExpect(redirectedUrl("/sessions"));
        assertThat(data.sessions().findByBusinessIdAndId(a.id(), api.id())).isEmpty();
    }

    @Test
    void theAuditLogNamesTheApplicationAsActor() throws Exception {
        Tenant a = data.tenant("A");
        ApiApplication app = data.apiApplication(a, "Web shop");
        audit.insert(AuditEvent.byApplication(a.id(), app.id(), AuditAction.SESSION_CREATED, AuditTarget.SESSION, "s-1",
                "via API", NOW));

        String html = mvc.perform(get("/audit").with(user(a.admin()))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();

        assertThat(html).contains("API application Web shop").doesNotContain("application:" + app.id());
    }

    private String page(String path, Tenant t) throws Exception {
        return mvc.perform(get(path).with(user(t.reviewer()))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }
}
