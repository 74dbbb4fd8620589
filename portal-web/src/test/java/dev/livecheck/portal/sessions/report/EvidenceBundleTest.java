package dev.livecheck.portal.sessions.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.livecheck.persistence.attempts.AttemptRecorder;
import dev.livecheck.persistence.attempts.MediaFiles;
import dev.livecheck.persistence.attempts.MediaMetadata;
import dev.livecheck.persistence.attempts.StoredAttempt;
import dev.livecheck.persistence.audit.AuditAction;
import dev.livecheck.persistence.audit.AuditLog;
import dev.livecheck.persistence.sessions.VerificationSession;
import dev.livecheck.portal.PortalWebTest;
import dev.livecheck.portal.TestData.Tenant;
import dev.livecheck.persistence.support.Sha256;
import java.io.ByteArrayInputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The evidence ZIP: every file listed in manifest.json with the SHA-256 and size it really has, images as stored. */
class EvidenceBundleTest extends PortalWebTest {
    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    AttemptRecorder recorder;
    @Autowired
    MediaFiles media;
    @Autowired
    AuditLog audit;

    @Test
    void theManifestHashesMatchTheFilesAndTheImagesAreTheStoredBytes() throws Exception {
        Tenant a = data.tenant("Evidence " + UUID.randomUUID());
        VerificationSession s = data.session(a, "Grace Hopper", "T-7");
        StoredAttempt rejected = ReportFixtures.attempt(recorder, s, false, NOW.minusSeconds(120), 30);
        StoredAttempt approved = ReportFixtures.attempt(recorder, s, true, NOW.minusSeconds(60), 40);

        MockHttpServletResponse response = mvc.perform(get("/sessions/{id}/evidence.zip", s.id())
                        .with(user(a.reviewer())).locale(Locale.ENGLISH))
                .andExpect(status().isOk()).andReturn().getResponse();

        assertThat(response.getContentType()).isEqualTo("application/zip");
        assertThat(response.getHeader("Content-Disposition")).contains("livecheck-evidence-" + s.id() + ".zip");
        assertThat(response.getHeader("Cache-Control")).contains("no-store");
        Map<String, byte[]> files = unzip(response.getContentAsByteArray());
        assertThat(files.keySet()).containsExactly(
                "attempt-1/report.json", "attempt-1/frontal_start.jpg", "attempt-1/challenge.jpg",
                "attempt-1/frontal_end.jpg",
                "attempt-2/report.json", "attempt-2/frontal_start.jpg", "attempt-2/challenge.jpg",
                "attempt-2/frontal_end.jpg",
                "session-report.pdf", "manifest.json");

        JsonNode manifest = JSON.readTree(files.get("manifest.json"));
        assertThat(manifest.get("session_id").asString()).isEqualTo(s.id().toString());
        JsonNode listed = manifest.get("files");
        assertThat(listed.valueStream().map(f -> f.get("path").asString()).toList())
                .containsExactlyElementsOf(files.keySet().stream().filter(p -> !p.equals("manifest.json")).toList());
        for (JsonNode f : listed) {
            byte[] bytes = files.get(f.get("path").asString());
            assertThat(f.get("sha256").asString()).as(f.get("path").asString())
                    .isEqualTo(Sha256.hex(bytes));
            assertThat(f.get("size").asLong()).isEqualTo(bytes.length);
        }

        // images exactly as stored, and so with the hash the database keeps for them
        for (StoredAttempt attempt : List.of(rejected, approved)) {
            for (MediaMetadata m : attempt.media()) {
                byte[] inZip = files.get("attempt-" + attempt.attempt().attemptNumber() + "/"
                        + m.role().name().toLowerCase(Locale.ROOT) + ".jpg");
                assertThat(inZip).isEqualTo(media.findContent(a.id(), m.attemptId(), m.role()).orElseThrow().bytes());
                assertThat(Sha256.hex(inZip)).isEqualTo(m.sha256());
            }
        }

        // the report in liveness-cli evaluate's line format, with the sub-check details
        JsonNode report = JSON.readTree(files.get("attempt-1/report.json"));
        assertThat(report.get("recording").asString()).isEqualTo("attempt-1");
        assertThat(report.get("recommendation").asString()).isEqualTo("REJECT");
        assertThat(report.get("liveness_auth").asString()).isEqualTo("FAIL");
        assertThat(report.get("reason").asString()).isEqualTo("FLAT_SURFACE");
        assertThat(report.get("millis").asLong()).isEqualTo(120);
        assertThat(report.get("attempt_id").asString()).isEqualTo(rejected.attempt().id().toString());
        JsonNode structure = report.get("sub_checks").valueStream()
                .filter(c -> c.get("name").asString().equals("structure_3d")).findFirst().orElseThrow();
        assertThat(structure.get("outcome").asString()).isEqualTo("FAIL");
        assertThat(structure.get("details").get("parallax_ratio").asDouble()).isEqualTo(0.0412345);
        assertThat(JSON.readTree(files.get("attempt-2/report.json")).get("reason").isNull()).isTrue();

        // the PDF (with images) and its footer's data hash, which the manifest repeats
        PdfText pdf = PdfText.read(files.get("session-report.pdf"));
        assertThat(pdf.images()).hasSize(6);
        assertThat(pdf.text()).contains(s.id().toString(), "Reject (REJECT)", "Approve (APPROVE)");
        assertThat(SessionReportPdfTest.dataHash(pdf)).isEqualTo(manifest.get("data_sha256").asString());

        assertThat(audit.findByBusinessIdOrderByOccurredAtDesc(a.id(), Pageable.ofSize(20)))
                .filteredOn(e -> e.action().equals(AuditAction.EVIDENCE_DOWNLOADED.name())).singleElement()
                .satisfies(e -> {
                    assertThat(e.actor()).isEqualTo(a.reviewer().userId().toString());
                    assertThat(e.targetId()).isEqualTo(s.id().toString());
                });
    }

    @Test
    void aSessionWithoutAttemptsGivesTheReportAndTheManifestOnly() throws Exception {
        Tenant a = data.tenant("Evidence " + UUID.randomUUID());
        VerificationSession s = data.session(a, "Nobody Yet", null);

        byte[] zip = mvc.perform(get("/sessions/{id}/evidence.zip", s.id()).with(user(a.reviewer())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();

        assertThat(unzip(zip).keySet()).containsExactly("session-report.pdf", "manifest.json");
    }

    static Map<String, byte[]> unzip(byte[] zip) throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                files.put(e.getName(), in.readAllBytes());
            }
        }
        return files;
    }
}
