package dev.livecheck.portal.sessions.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.livecheck.persistence.attempts.AttemptRecorder;
import dev.livecheck.persistence.attempts.MediaMetadata;
import dev.livecheck.persistence.attempts.StoredAttempt;
import dev.livecheck.persistence.audit.AuditAction;
import dev.livecheck.persistence.audit.AuditEvent;
import dev.livecheck.persistence.audit.AuditLog;
import dev.livecheck.persistence.sessions.FinalDecision;
import dev.livecheck.persistence.sessions.FinalDecisions;
import dev.livecheck.persistence.sessions.VerificationSession;
import dev.livecheck.portal.PortalWebTest;
import dev.livecheck.portal.TestData.Tenant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The session report PDF through the portal: rendered, then read back with PDFBox (text, images, fonts), for a session
 * with a rejected and an approved attempt and a recorded decision.
 */
class SessionReportPdfTest extends PortalWebTest {

    @Autowired
    AttemptRecorder recorder;
    @Autowired
    FinalDecisions decisions;
    @Autowired
    AuditLog audit;

    record Scenario(Tenant tenant, VerificationSession session, StoredAttempt rejected, StoredAttempt approved) {
    }

    Scenario scenario(String recipient) {
        Tenant a = data.tenant("Bäckerei Müller " + UUID.randomUUID());
        VerificationSession s = data.session(a.profile(), recipient, "kunde@example.com", "Akte-ÄÖÜ-ß-42", NOW);
        StoredAttempt rejected = ReportFixtures.attempt(recorder, s, false, NOW.minusSeconds(120), 10);
        StoredAttempt approved = ReportFixtures.attempt(recorder, s, true, NOW.minusSeconds(60), 20);
        decisions.record(a.id(), s.id(), FinalDecision.APPROVED, a.reviewer().userId(), "Ausweis geprüft – passt",
                NOW);
        return new Scenario(a, s, rejected, approved);
    }

    byte[] download(Tenant t, UUID id, String images, Locale locale) throws Exception {
        var request = get("/sessions/{id}/report.pdf", id).with(user(t.reviewer())).locale(locale);
        if (images != null) {
            request = request.param("images", images);
        }
        MockHttpServletResponse response = mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse();
        assertThat(response.getContentType()).isEqualTo("application/pdf");
        assertThat(response.getHeader("Cache-Control")).contains("no-store");
        assertThat(response.getHeader("Content-Disposition")).startsWith("attachment")
                .contains("livecheck-session-" + id);
        return response.getContentAsByteArray();
    }

    @Test
    void thePdfWithImagesHoldsTheIdsOutcomesReasonsDecisionAndSixImagesAsStored() throws Exception {
        Scenario sc = scenario("Grace Hopper");

        PdfText pdf = PdfText.read(download(sc.tenant(), sc.session().id(), null, Locale.ENGLISH));

        assertThat(pdf.text()).contains(sc.tenant().business().name(), sc.session().id().toString(), "Akte-ÄÖÜ-ß-42",
                "Grace Hopper <kunde@example.com>",
                sc.rejected().attempt().id().toString(), sc.approved().attempt().id().toString(),
                "Attempt 1", "Attempt 2", "Reject (REJECT)", "Approve (APPROVE)", "FAIL", "PASS",
                "The face moved like a flat picture, not a real head (photo or screen) (FLAT_SURFACE)",
                "TURN_LEFT, LOOK_UP", "parallax_ratio: 0.04123", "min_parallax_ratio: 0.12",
                "5400 ms capture, 120 ms decision",
                "Your final decision", "Approved", "Ausweis geprüft – passt",
                "Recorded by " + sc.tenant().reviewer().displayName(),
                "Audit trail", AuditAction.FINAL_DECISION_RECORDED.name(),
                "Attempts allowed", "Link lifetime 3 d", "Image retention 30 d", "Challenges per attempt 2",
                "Page 1 of " + pdf.pages(), "Generated 2026-03-02 10:15:30 UTC");
        assertThat(pdf.title()).isEqualTo("Liveness check report, session " + sc.session().id());
        // the six stored images, each embedded as the JPEG it was stored as, at its resolution
        assertThat(pdf.images()).hasSize(6).allSatisfy(image -> {
            assertThat(image.getSuffix()).isEqualTo("jpg");
            assertThat(image.getWidth()).isEqualTo(96);
            assertThat(image.getHeight()).isEqualTo(72);
        });
        assertThat(pdf.fonts()).allMatch(f -> f.contains("DejaVuSans"));
        assertThat(pdf.allFontsEmbedded()).isTrue();
        assertThat(audit.findByBusinessIdOrderByOccurredAtDesc(sc.tenant().id(), Pageable.ofSize(20)))
                .filteredOn(e -> e.action().equals(AuditAction.REPORT_PDF_GENERATED.name()))
                .singleElement().satisfies(e -> {
                    assertThat(e.actor()).isEqualTo(sc.tenant().reviewer().userId().toString());
                    assertThat(e.targetId()).isEqualTo(sc.session().id().toString());
                    assertThat(e.details()).startsWith("with images, data SHA-256 ");
                });
    }

    @Test
    void withoutImagesTheSameDataAndHashButNoImageOnlyTheirHashes() throws Exception {
        Scenario sc = scenario("Ada Lovelace");

        PdfText with = PdfText.read(download(sc.tenant(), sc.session().id(), "true", Locale.ENGLISH));
        PdfText without = PdfText.read(download(sc.tenant(), sc.session().id(), "false", Locale.ENGLISH));

        assertThat(without.images()).isEmpty();
        assertThat(without.text()).contains(sc.session().id().toString(), "Reject (REJECT)", "Approve (APPROVE)",
                "Images left out of this document; their SHA-256:");
        for (MediaMetadata m : concat(sc.rejected().media(), sc.approved().media())) {
            assertThat(without.text()).contains(m.sha256());
        }
        assertThat(dataHash(with)).isEqualTo(dataHash(without)).hasSize(64);
        assertThat(audit.findByBusinessIdOrderByOccurredAtDesc(sc.tenant().id(), Pageable.ofSize(20)))
                .filteredOn(e -> e.action().equals(AuditAction.REPORT_PDF_GENERATED.name()))
                .extracting(AuditEvent::details)
                .anyMatch(d -> d.startsWith("without images")).anyMatch(d -> d.startsWith("with images"));
    }

    @Test
    void inGermanWithUmlautsAndSharpSInTheEmbeddedFont() throws Exception {
        Scenario sc = scenario("Jürgen Groß-Öztürk");

        PdfText pdf = PdfText.read(download(sc.tenant(), sc.session().id(), null, Locale.GERMAN));

        assertThat(pdf.text()).contains("Bericht zur Lebenderkennung", "Jürgen Groß-Öztürk", "Bäckerei Müller",
                "Gültigkeit des Links", "Aufbewahrung der Bilder", "Ablehnen", "Annehmen",
                "Das Gesicht bewegte sich wie ein flaches Bild", "Seite 1 von", "Ausweis geprüft – passt");
        assertThat(pdf.fonts()).allMatch(f -> f.contains("DejaVuSans"));
        assertThat(pdf.allFontsEmbedded()).isTrue();
    }

    @Test
    void anotherBusinessUnknownIdsAndABadImagesParameter() throws Exception {
        Scenario sc = scenario("Grace Hopper");
        Tenant other = data.tenant("Other " + UUID.randomUUID());

        mvc.perform(get("/sessions/{id}/report.pdf", sc.session().id()).with(user(other.owner())))
                .andExpect(status().isNotFound());
        mvc.perform(get("/sessions/{id}/evidence.zip", sc.session().id()).with(user(other.owner())))
                .andExpect(status().isNotFound());
        mvc.perform(get("/sessions/{id}/report.pdf", UUID.randomUUID()).with(user(sc.tenant().owner())))
                .andExpect(status().isNotFound());
        mvc.perform(get("/sessions/{id}/report.pdf", "not-a-uuid").with(user(sc.tenant().owner())))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/sessions/{id}/report.pdf", sc.session().id()).param("images", "maybe")
                .with(user(sc.tenant().owner()))).andExpect(status().isBadRequest());
        mvc.perform(get("/sessions/{id}/report.pdf", sc.session().id())).andExpect(status().is3xxRedirection());
        assertThat(audit.findByBusinessIdOrderByOccurredAtDesc(other.id(), Pageable.ofSize(20)))
                .noneMatch(e -> e.action().equals(AuditAction.REPORT_PDF_GENERATED.name())
                        || e.action().equals(AuditAction.EVIDENCE_DOWNLOADED.name()));
    }

    @Test
    void theSessionPageOffersTheDownloadsAndShowsReasonsInPlainWords() throws Exception {
        Scenario sc = scenario("Grace Hopper");
        String html = mvc.perform(get("/sessions/{id}/report", sc.session().id()).with(user(sc.tenant().reviewer())))
                .andReturn().getResponse().getContentAsString();
        assertThat(html).contains("href=\"/sessions/" + sc.session().id() + "/report.pdf\"",
                "href=\"/sessions/" + sc.session().id() + "/report.pdf?images=false\"",
                "href=\"/sessions/" + sc.session().id() + "/evidence.zip\"",
                "The face moved like a flat picture, not a real head (photo or screen)");
        String german = mvc.perform(get("/sessions/{id}/report", sc.session().id())
                        .with(user(sc.tenant().reviewer())).locale(Locale.GERMAN))
                .andReturn().getResponse().getContentAsString();
        assertThat(german).contains("PDF ohne Bilder herunterladen", "Das Gesicht bewegte sich wie ein flaches Bild");
    }

    static String dataHash(PdfText pdf) {
        // the footer wraps where the hash's glyphs make it (the hash covers random ids), and PDFBox may then read the
        // separator after the hash before it: allow it between label and hash
        Matcher m = Pattern.compile("SHA-256 of the report data(?: ·)? ([0-9a-f]{64})").matcher(pdf.text());
        assertThat(m.find()).as("data hash in the footer of: " + pdf.text()).isTrue();
        return m.group(1);
    }

    private static List<MediaMetadata> concat(List<MediaMetadata> a, List<MediaMetadata> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
