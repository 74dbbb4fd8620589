package dev.livecheck.portal.sessions.report;

import dev.livecheck.core.attempt.Challenge;
import dev.livecheck.core.report.AttemptImage;
import dev.livecheck.core.report.LivenessReport;
import dev.livecheck.core.report.ReportJson;
import dev.livecheck.core.report.SubCheck;
import dev.livecheck.persistence.attempts.Attempt;
import dev.livecheck.persistence.attempts.AttemptRecorder;
import dev.livecheck.persistence.attempts.LivenessAuth;
import dev.livecheck.persistence.attempts.MediaRole;
import dev.livecheck.persistence.attempts.NewAttempt;
import dev.livecheck.persistence.attempts.NewMedia;
import dev.livecheck.persistence.attempts.StoredAttempt;
import dev.livecheck.persistence.audit.AuditAction;
import dev.livecheck.persistence.audit.AuditEvent;
import dev.livecheck.persistence.sessions.CaptureTokens;
import dev.livecheck.persistence.sessions.CloseReason;
import dev.livecheck.persistence.sessions.FinalDecision;
import dev.livecheck.persistence.sessions.Recommendation;
import dev.livecheck.persistence.sessions.SessionState;
import dev.livecheck.persistence.sessions.VerificationSession;
import dev.livecheck.persistence.support.Sha256;
import dev.livecheck.portal.TestData;
import dev.livecheck.portal.sessions.SubCheckRow;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Attempts as the capture endpoint stores them (through {@link AttemptRecorder}) with images that differ per attempt
 * and role, and a fully fixed {@link SessionDocument} (ids, instants, images) for the golden rendering and the
 * benchmark.
 */
final class ReportFixtures {
    private ReportFixtures() {
    }

    /** A JPEG of {@code width x height}: a gradient, shapes and noise drawn from {@code seed}, so no two are alike. */
    static byte[] photo(int seed, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        Random random = new Random(seed);
        g.setPaint(new GradientPaint(0, 0, new Color(random.nextInt(0xFFFFFF)), width, height,
                new Color(random.nextInt(0xFFFFFF))));
        g.fillRect(0, 0, width, height);
        for (int i = 0; i < 6; i++) {
            g.setColor(new Color(random.nextInt(0xFFFFFF)));
            g.fillOval(random.nextInt(width), random.nextInt(height), width / 4, height / 4);
        }
        g.dispose();
        // sensor noise, so the JPEG is as large as a camera frame of this size, not a few smooth kilobytes
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int rgb = image.getRGB(x, y);
                int n = random.nextInt(25) - 12;
                image.setRGB(x, y, (clamp((rgb >> 16 & 0xFF) + n) << 16) | (clamp((rgb >> 8 & 0xFF) + n) << 8)
                        | clamp((rgb & 0xFF) + n));
            }
        }
        return TestData.jpeg(image);
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }

    /** The engine's report: on REJECT the 3D-structure check failed (FLAT_SURFACE) with its measured parallax. */
    static LivenessReport report(boolean approve) {
        Map<String, Object> structure = new LinkedHashMap<>();
        structure.put("parallax_ratio", approve ? 0.231234567 : 0.0412345);
        structure.put("min_parallax_ratio", 0.12);
        structure.put("yaw_range_deg", 31.5);
        SubCheck structureCheck = approve ? SubCheck.pass("structure_3d", structure)
                : SubCheck.fail("structure_3d", "FLAT_SURFACE", structure);
        return new LivenessReport(
                approve ? dev.livecheck.core.report.Recommendation.APPROVE
                        : dev.livecheck.core.report.Recommendation.REJECT,
                approve ? null : "FLAT_SURFACE", List.of(Challenge.TURN_LEFT, Challenge.LOOK_UP),
                List.of(SubCheck.pass("quality", Map.of("median_face_brightness", 121.5)),
                        SubCheck.pass("challenge_response", Map.of("completed", 2)), structureCheck,
                        SubCheck.pass("presentation", Map.of("moire", 0.0123))),
                List.of(new AttemptImage(AttemptImage.Role.FRONTAL_START, 0, new byte[0]),
                        new AttemptImage(AttemptImage.Role.CHALLENGE, 2500, new byte[0]),
                        new AttemptImage(AttemptImage.Role.FRONTAL_END, 5300, new byte[0])),
                90, 88, 5400, 120);
    }

    /** Records an attempt with three distinct images ({@code seed} .. {@code seed + 2}). */
    static StoredAttempt attempt(AttemptRecorder recorder, VerificationSession s, boolean approve, Instant completedAt,
                                 int seed) {
        LivenessReport report = report(approve);
        List<NewMedia> media = new ArrayList<>();
        for (MediaRole role : MediaRole.values()) {
            media.add(new NewMedia(role, "image/jpeg", photo(seed + role.ordinal(), 96, 72)));
        }
        return recorder.record(s.businessId(), s.id(), null, new NewAttempt(
                approve ? Recommendation.APPROVE : Recommendation.REJECT,
                approve ? LivenessAuth.PASS : LivenessAuth.FAIL, report.reason(), "TURN_LEFT,LOOK_UP",
                ReportJson.toJson(report, false), report.frames(), report.analyzedFrames(), report.durationMillis(),
                report.decisionMillis(), completedAt.minusSeconds(6), completedAt, media));
    }

    /**
     * A session of a fixed business with {@code attempts} attempts (all but the last rejected), a decision and a
     * short audit trail; everything fixed, so its rendering can be compared with a stored one.
     */
    static SessionDocument fixedDocument(int attempts, boolean images, int imageWidth, int imageHeight) {
        UUID businessId = UUID.fromString("0b0c0d0e-0000-4000-8000-000000000001");
        UUID sessionId = UUID.fromString("5e551011-0000-4000-8000-000000000042");
        UUID profileId = UUID.fromString("9f0f11e0-0000-4000-8000-000000000007");
        UUID reviewer = UUID.fromString("aeaeaeae-0000-4000-8000-000000000003");
        Instant created = Instant.parse("2026-03-02T09:00:00Z");
        Instant closed = created.plusSeconds(600L * attempts);
        VerificationSession s = new VerificationSession(sessionId, businessId, profileId, "Jürgen Groß-Öztürk",
                "juergen@example.com", "Akte-ÄÖÜ-42", CaptureTokens.hash("fixed"), SessionState.COMPLETED,
                CloseReason.APPROVED, Recommendation.APPROVE, attempts, 3, created.plusSeconds(72 * 3600), created,
                closed, created.plusSeconds(30), FinalDecision.APPROVED, reviewer, closed.plusSeconds(300),
                "Ausweis geprüft – passt.", null, created.plusSeconds(31), 1L, 0, 5, null, null);
        List<SessionDocument.AttemptPart> parts = new ArrayList<>();
        for (int n = 1; n <= attempts; n++) {
            boolean approve = n == attempts;
            LivenessReport report = report(approve);
            Instant done = created.plusSeconds(600L * n);
            Attempt a = new Attempt(new UUID(0xA77E0000L, n), businessId, sessionId, n,
                    approve ? Recommendation.APPROVE : Recommendation.REJECT,
                    approve ? LivenessAuth.PASS : LivenessAuth.FAIL, report.reason(), "TURN_LEFT,LOOK_UP",
                    ReportJson.toJson(report, false), 90, 88, 5400, 120, done.minusSeconds(6), done);
            List<SessionDocument.ImagePart> imageParts = new ArrayList<>();
            for (MediaRole role : MediaRole.values()) {
                byte[] bytes = photo(n * 10 + role.ordinal(), imageWidth, imageHeight);
                imageParts.add(new SessionDocument.ImagePart(role, "image/jpeg", Sha256.hex(bytes), false,
                        images ? bytes : null));
            }
            parts.add(new SessionDocument.AttemptPart(a, List.of("TURN_LEFT", "LOOK_UP"),
                    SubCheckRow.ofReportJson(a.subChecksJson()).orElseThrow(), true, imageParts));
        }
        List<SessionDocument.AuditLine> trail = List.of(
                new SessionDocument.AuditLine(new AuditEvent(new UUID(0xE0L, 1), businessId, reviewer.toString(),
                        AuditAction.SESSION_CREATED.name(), "SESSION", sessionId.toString(), "tracking id Akte-ÄÖÜ-42",
                        created), "Renate Prüferin"),
                new SessionDocument.AuditLine(new AuditEvent(new UUID(0xE0L, 2), businessId, reviewer.toString(),
                        AuditAction.FINAL_DECISION_RECORDED.name(), "SESSION", sessionId.toString(), "APPROVED",
                        closed.plusSeconds(300)), "Renate Prüferin"));
        SessionDocument.Settings settings = new SessionDocument.Settings("Standard", 3, 5, 2, 72 * 3600L,
                30 * 86_400L);
        String requester = s.recipientName() + " <" + s.recipientEmail() + ">";
        return new SessionDocument("Müller & Söhne GmbH", s, requester, false, settings, parts, "Renate Prüferin",
                trail, images, DocumentHash.of("Müller & Söhne GmbH", s, requester, settings, parts, trail));
    }
}
