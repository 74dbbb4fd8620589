package dev.livecheck.portal.sessions.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.livecheck.persistence.audit.AuditAction;
import dev.livecheck.persistence.audit.AuditLog;
import dev.livecheck.persistence.sessions.FinalDecision;
import dev.livecheck.persistence.sessions.FinalDecisions;
import dev.livecheck.persistence.sessions.Recommendation;
import dev.livecheck.persistence.sessions.VerificationSession;
import dev.livecheck.portal.PortalWebTest;
import dev.livecheck.portal.TestData.Tenant;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

class SessionExportControllerTest extends PortalWebTest {
    private static final String HEADER = "id,recipient_name,recipient_email,tracking_id,state,latest_recommendation,"
            + "attempts_used,max_retries,created_at,completed_at,final_decision,api_application";

    @Autowired
    AuditLog audit;

    @Autowired
    FinalDecisions decisions;

    @Test
    void exportsOneRowPerSessionOfTheOwnBusinessWithEveryColumn() throws Exception {
        Tenant a = data.tenant("A");
        Tenant b = data.tenant("B");
        VerificationSession approved = data.session(a, "Ada Lovelace", "T-1");
        data.attempt(approved, Recommendation.APPROVE, NOW);
        decisions.record(a.id(), approved.id(), FinalDecision.APPROVED, a.reviewer().userId(), null, NOW);
        VerificationSession open = data.session(a, "Grace Hopper", null);
        VerificationSession foreign = data.session(b, "Foreign Person", "T-B");

        String csv = csv(get("/sessions/export.csv").with(user(a.reviewer())));

        List<String> lines = lines(csv);
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).isEqualTo(HEADER);
        assertThat(lines).contains(
                approved.id() + ",Ada Lovelace,recipient@example.com,T-1,COMPLETED,APPROVE,1,3,"
                        + "2026-03-02T10:15:30Z,2026-03-02T10:15:30Z,APPROVED,",
                open.id() + ",Grace Hopper,recipient@example.com,,ONGOING,,0,3,2026-03-02T10:15:30Z,,,");
        assertThat(csv).doesNotContain(foreign.id().toString()).doesNotContain("Foreign Person");

        String theirs = csv(get("/sessions/export.csv").with(user(b.owner())));
        assertThat(lines(theirs)).hasSize(2);
        assertThat(theirs).contains(foreign.id().toString()).doesNotContain(approved.id().toString())
                .doesNotContain(open.id().toString()).doesNotContain("Ada Lovelace");
    }

    @Test
    void anApiSessionHasEmptyRecipientCellsAndNamesItsApplication() throws Exception {
        Tenant a = data.tenant("A");
        var app = data.apiApplication(a, "Web shop");
        VerificationSession api = data.apiSession(a, app, "U-7", NOW, Duration.ofDays(1));
        data.attempt(api, Recommendation.APPROVE, NOW);
        decisions.record(a.id(), api.id(), FinalDecision.REJECTED, a.reviewer().userId(), null, NOW);

        String csv = csv(get("/sessions/export.csv").with(user(a.reviewer())));

        assertThat(lines(csv)).contains(api.id() + ",,,U-7,COMPLETED,APPROVE,1,3,2026-03-02T10:15:30Z,"
                + "2026-03-02T10:15:30Z,REJECTED,Web shop");
    }

    @Test
    void isADownloadThatIsNeverCachedAndStartsWithAByteOrderMark() throws Exception {
        Tenant a = data.tenant("A");
        byte[] body = mvc.perform(get("/sessions/export.csv").with(user(a.reviewer())))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "text/csv;charset=UTF-8"))
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"sessions-2026-03-02.csv\""))
                .andExpect(header().string("Cache-Control", "private, no-store"))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(body, StandardCharsets.UTF_8)).startsWith("\uFEFF" + HEADER + "\r\n");
    }

    @Test
    void escapesCellsAndDefusesFormulas() throws Exception {
        Tenant a = data.tenant("A");
        VerificationSession s = data.session(a.profile(), "=HYPERLINK(\"http://evil.example\",\"Click\")",
                "mallory@example.com", "@SUM(A1:A9)", NOW);
        VerificationSession t = data.session(a.profile(), "Lovelace, \"Ada\"", "ada@example.com", "+1-555", NOW);
        VerificationSession u = data.session(a.profile(), "-Minus", "m@example.com", "two\nlines", NOW);

        String csv = csv(get("/sessions/export.csv").with(user(a.reviewer())));

        assertThat(csv).contains(s.id() + ",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"Click\"\")\","
                + "mallory@example.com,'@SUM(A1:A9),ONGOING");
        assertThat(csv).contains(t.id() + ",\"Lovelace, \"\"Ada\"\"\",ada@example.com,'+1-555,ONGOING");
        assertThat(csv).contains(u.id() + ",'-Minus,m@example.com,\"two\nlines\",ONGOING");
    }

    @Test
    void appliesTheSessionListFilters() throws Exception {
        Tenant a = data.tenant("A");
        VerificationSession approved = data.session(a, "Ada Lovelace", "T-1");
        data.attempt(approved, Recommendation.APPROVE, NOW);
        VerificationSession rejected = data.session(a, "Grace Hopper", "T-2");
        data.attempt(rejected, Recommendation.REJECT, NOW);
        VerificationSession older = data.session(a.profile(), "Old Timer", "old@example.com", "T-3",
                NOW.minus(Duration.ofDays(10)));

        assertThat(ids(get("/sessions/export.csv").param("state", "COMPLETED").with(user(a.reviewer()))))
                .containsExactly(approved.id().toString());
        assertThat(ids(get("/sessions/export.csv").param("recommendation", "REJECT").with(user(a.reviewer()))))
                .containsExactly(rejected.id().toString());
        assertThat(ids(get("/sessions/export.csv").param("q", "hopper").with(user(a.reviewer()))))
                .containsExactly(rejected.id().toString());
        assertThat(ids(get("/sessions/export.csv").param("to", "2026-02-25").with(user(a.reviewer()))))
                .containsExactly(older.id().toString());
        assertThat(ids(get("/sessions/export.csv").param("from", "2026-03-02").param("to", "2026-03-02")
                        .param("state", "").param("q", " ").with(user(a.reviewer()))))
                .containsExactlyInAnyOrder(approved.id().toString(), rejected.id().toString());
        mvc.perform(get("/sessions/export.csv").param("state", "SOMETIMES").with(user(a.reviewer())))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/sessions/export.csv").param("from", "yesterday").with(user(a.reviewer())))
                .andExpect(status().isBadRequest());
    }

    @Test
    void everyExportIsAudited() throws Exception {
        Tenant a = data.tenant("A");
        data.session(a, "Ada Lovelace", "T-1");
        csv(get("/sessions/export.csv").param("state", "ONGOING").param("q", "Ada Lovelace").with(user(a.admin())));

        assertThat(audit.findByBusinessIdOrderByOccurredAtDesc(a.id(), Pageable.ofSize(10)))
                .anySatisfy(e -> {
                    assertThat(e.action()).isEqualTo(AuditAction.EXPORT_DOWNLOADED.name());
                    assertThat(e.actor()).isEqualTo(a.admin().userId().toString());
                    assertThat(e.details()).contains("1 sessions", "state=ONGOING", "text search=yes");
                    // the searched name is personal data: the audit log, kept longer than sessions, never holds it
                    assertThat(e.details()).doesNotContain("Ada", "Lovelace");
                });
    }

    @Test
    void needsSignIn() throws Exception {
        mvc.perform(get("/sessions/export.csv")).andExpect(status().is3xxRedirection());
    }

    private String csv(MockHttpServletRequestBuilder request) throws Exception {
        byte[] body = mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray();
        return new String(body, StandardCharsets.UTF_8).substring(1);
    }

    private static List<String> lines(String csv) {
        return List.of(csv.split("\r\n"));
    }

    private List<String> ids(MockHttpServletRequestBuilder request) throws Exception {
        return lines(csv(request)).stream().skip(1).map(line -> line.substring(0, line.indexOf(','))).toList();
    }
}
