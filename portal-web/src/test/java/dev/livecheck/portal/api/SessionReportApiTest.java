package dev.livecheck.portal.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livecheck.persistence.attempts.StoredAttempt;
import dev.livecheck.persistence.audit.AuditAction;
import dev.livecheck.persistence.audit.AuditEvent;
import dev.livecheck.persistence.profiles.CheckProfile;
import dev.livecheck.persistence.sessions.CaptureTokens;
import dev.livecheck.persistence.sessions.Recommendation;
import dev.livecheck.persistence.sessions.VerificationSession;
import dev.livecheck.portal.TestData;
import java.io.IOException;
import java.time.Instant;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** {@code GET /sessions/{id}/report.pdf} signed as the SDKs sign, through {@link SignedApiClient}. */
class SessionReportApiTest extends ApiIntegrationTest {

    @Test
    void theReportWithAndWithoutImagesForASessionOfTheApplication() throws IOException {
        UUID id = create(MINIMAL);
        VerificationSession session = sessions.findByBusinessIdAndId(tenant.business().id(), id).orElseThrow();
        StoredAttempt rejected = rows.attempt(session, Recommendation.REJECT, Instant.now().minusSeconds(60));
        StoredAttempt approved = rows.attempt(session, Recommendation.APPROVE, Instant.now());

        SignedApiClient.Response withImages = client.get("/sessions/" + id + "/report.pdf");

        assertThat(withImages.statusCode()).as(withImages.body()).isEqualTo(200);
        assertThat(withImages.header("Content-Type")).isEqualTo("application/pdf");
        assertThat(withImages.header("Cache-Control")).contains("no-store");
        String text = text(withImages.bytes());
        assertThat(text).contains(id.toString(), tenant.application().name(), rejected.attempt().id().toString(),
                approved.attempt().id().toString(), "Reject (REJECT)", "Approve (APPROVE)",
                "The face moved like a flat picture", "API application");
        assertThat(imageCount(withImages.bytes())).isPositive();

        SignedApiClient.Response without = client.get("/sessions/" + id + "/report.pdf", "images=false");
        assertThat(without.statusCode()).as(without.body()).isEqualTo(200);
        assertThat(text(without.bytes())).contains(id.toString(), "Images left out of this document");
        assertThat(imageCount(without.bytes())).isZero();

        assertThat(auditOf(tenant, AuditAction.REPORT_PDF_GENERATED.name())).hasSize(2).allSatisfy(e -> {
            assertThat(e.actor()).isEqualTo(AuditEvent.applicationActor(tenant.application().id()));
            assertThat(e.targetId()).isEqualTo(id.toString());
        });
    }

    @Test
    void anotherBusinessAPortalSessionAnUnknownIdAndABadParameter() {
        UUID id = create(MINIMAL);
        TestData.ApiTenant other = newTenant("Other");
        CheckProfile profile = tenant.profile();
        VerificationSession portal = sessions.insert(VerificationSession.open(profile, "Grace", "g@example.com", null,
                CaptureTokens.hash(CaptureTokens.newToken()), Instant.now()));

        SignedApiClient.Response foreign = other.client(baseUrl()).get("/sessions/" + id + "/report.pdf");
        assertThat(foreign.statusCode()).isEqualTo(404);
        assertThat(json(foreign).get("code").asString()).isEqualTo("SESSION_NOT_FOUND");
        assertThat(client.get("/sessions/" + portal.id() + "/report.pdf").statusCode()).isEqualTo(404);
        assertThat(client.get("/sessions/" + UUID.randomUUID() + "/report.pdf").statusCode()).isEqualTo(404);
        assertThat(client.get("/sessions/not-a-uuid/report.pdf").statusCode()).isEqualTo(404);
        SignedApiClient.Response bad = client.get("/sessions/" + id + "/report.pdf", "images=maybe");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(json(bad).get("code").asString()).isEqualTo("INVALID_REQUEST");
        assertThat(fieldErrors(bad)).containsExactly("images: must be true or false");
        assertThat(auditOf(other, AuditAction.REPORT_PDF_GENERATED.name())).isEmpty();
        assertThat(auditOf(tenant, AuditAction.REPORT_PDF_GENERATED.name())).isEmpty();
    }

    @Test
    void unsignedRequestsAreRefused() {
        UUID id = create(MINIMAL);
        SignedApiClient.Prepared unsigned = client.prepare("GET", "/sessions/" + id + "/report.pdf", null)
                .withSignature(null);
        assertThat(client.send(unsigned).statusCode()).isEqualTo(401);
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }

    private static int imageCount(byte[] pdf) throws IOException {
        int count = 0;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            for (PDPage page : document.getPages()) {
                for (COSName name : page.getResources().getXObjectNames()) {
                    if (page.getResources().getXObject(name) instanceof PDImageXObject) {
                        count++;
                    }
                }
            }
        }
        return count;
    }
}
