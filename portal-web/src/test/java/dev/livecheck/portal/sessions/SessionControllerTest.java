package dev.livecheck.portal.sessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import dev.livecheck.persistence.capacity.BusyAttempt;
import dev.livecheck.persistence.capacity.BusyAttempts;
import dev.livecheck.persistence.sessions.CaptureTokens;
import dev.livecheck.portal.TwoTenantsWebTest;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MvcResult;

/** Sessions through their pages: creation stores only the token hash, resend and cancel, deletion. */
class SessionControllerTest extends TwoTenantsWebTest {

    @Autowired
    BusyAttempts busyAttempts;

    @Test
    void sessionCreationStoresOnlyTheTokenHash() throws Exception {
        Created created = createSession();
        String token = created.link().substring(created.link().lastIndexOf('/') + 1);
        assertThat(created.link()).startsWith("http://localhost:8080/c/");
        assertThat(jdbc.sql("SELECT capture_token_hash FROM verification_session WHERE id = ?")
                .param(created.sessionId()).query(String.class).single()).isEqualTo(CaptureTokens.hash(token));
        assertThat(databaseText()).doesNotContain(token);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM email_outbox WHERE session_id = ? AND status = 'PENDING'")
                .param(created.sessionId()).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'SESSION_CREATED' AND target_id = ?")
                .param(created.sessionId().toString()).query(Long.class).single()).isEqualTo(1);
        // Without SMTP the outbox page shows the link so an admin can copy it.
        mvc.perform(get("/outbox").with(as(adminA))).andExpect(content().string(containsString(created.link())));
    }

    @Test
    void deletingASessionRemovesTheRecipientFromOutboxAndAuditToo() throws Exception {
        Created created = createSession();
        mvc.perform(post("/sessions/" + created.sessionId() + "/resend").with(as(adminA)).with(csrf()));

        mvc.perform(post("/sessions/" + created.sessionId() + "/delete").with(as(adminA)).with(csrf()))
                .andExpect(redirectedUrl("/sessions"));

        assertThat(jdbc.sql("SELECT COUNT(*) FROM email_outbox WHERE business_id = ?").param(businessA.id())
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT details FROM audit_event WHERE business_id = ? AND target_id = ?")
                .params(businessA.id(), created.sessionId().toString()).query(String.class).list())
                .hasSize(3).allSatisfy(d -> assertThat(d).doesNotContain("rita", "Rita").contains("CUST-1"));
    }

    @Test
    void resendReplacesTheTokenAndCancelEndsTheSession() throws Exception {
        Created first = createSession();
        MvcResult resent = mvc.perform(post("/sessions/" + first.sessionId() + "/resend").with(as(adminA)).with(csrf()))
                .andExpect(redirectedUrl("/sessions/" + first.sessionId() + "/created")).andReturn();
        String newLink = sealer.unseal((String) resent.getFlashMap().get("sealedCaptureLink"));
        assertThat(newLink).isNotEqualTo(first.link());
        String storedHash = jdbc.sql("SELECT capture_token_hash FROM verification_session WHERE id = ?")
                .param(first.sessionId()).query(String.class).single();
        assertThat(storedHash).isEqualTo(CaptureTokens.hash(newLink.substring(newLink.lastIndexOf('/') + 1)));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM email_outbox WHERE session_id = ?").param(first.sessionId())
                .query(Long.class).single()).isEqualTo(2);

        mvc.perform(post("/sessions/" + first.sessionId() + "/cancel").with(as(adminA)).with(csrf()))
                .andExpect(redirectedUrl("/sessions/" + first.sessionId()));
        assertThat(jdbc.sql("SELECT state FROM verification_session WHERE id = ?").param(first.sessionId())
                .query(String.class).single()).isEqualTo("EXPIRED");
        mvc.perform(get("/sessions").with(as(reviewerA)).param("state", "EXPIRED").param("q", "Rita"))
                .andExpect(content().string(containsString("Rita Recipient")));
        mvc.perform(get("/audit").with(as(adminA))).andExpect(content().string(containsString("SESSION_CANCELLED")));
    }

    @Test
    void theSessionPageSaysWhyTheServerCutAnAttemptShort() throws Exception {
        Created created = createSession();
        busyAttempts.insert(BusyAttempt.of(businessA.id(), created.sessionId(), 1, 80, 30, false,
                Instant.parse("2026-11-29T10:00:00Z")));
        busyAttempts.insert(BusyAttempt.of(businessA.id(), created.sessionId(), 1, 40, 0, true,
                Instant.parse("2026-11-29T10:01:00Z")));

        mvc.perform(get("/sessions/" + created.sessionId()).with(as(reviewerA)))
                .andExpect(content().string(containsString("30 of 80 frames dropped under load")))
                .andExpect(content().string(containsString("the server was overloaded and their frames came too late "
                        + "(0 of 40 dropped)")));
    }
}
