package dev.livecheck.portal.sessions.report;

import dev.livecheck.core.report.LivenessAuth;
import dev.livecheck.core.report.LivenessReport;
import dev.livecheck.core.report.Recommendation;
import dev.livecheck.core.report.ReportJson;
import dev.livecheck.persistence.attempts.Attempt;
import dev.livecheck.persistence.audit.AuditAction;
import dev.livecheck.persistence.audit.AuditEvent;
import dev.livecheck.persistence.audit.AuditLog;
import dev.livecheck.persistence.audit.AuditTarget;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The evidence bundle of a session, written as a ZIP straight to the response: per attempt {@code attempt-N/report.json}
 * ({@code liveness-cli evaluate}'s line with {@code sub_checks}, plus the attempt's id, challenges, timings and
 * instants) and its images as stored ({@code attempt-N/frontal_start.jpg}, ...), then {@code session-report.pdf} (with
 * images), and last {@code manifest.json} with the SHA-256 and size of every file before it. Each file is hashed while
 * it is written, so nothing but the entry being written is held (the PDF renders into its entry).
 */
@Service
class EvidenceBundle {
    static final String MANIFEST = "manifest.json";
    static final String PDF = "session-report.pdf";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SessionDocuments documents;
    private final PdfRenderer renderer;
    private final RenderSlots slots;
    private final AuditLog audit;
    private final Clock clock;

    EvidenceBundle(SessionDocuments documents, PdfRenderer renderer, RenderSlots slots, AuditLog audit, Clock clock) {
        this.documents = documents;
        this.renderer = renderer;
        this.slots = slots;
        this.audit = audit;
        this.clock = clock;
    }

    /** What is about to be written; {@link #writeTo} writes it. */
    record Prepared(SessionDocument document, Instant generatedAt, Locale locale) {
    }

    /** Reads the session (empty when not in this business) and audits the download before a byte is sent. */
    Optional<Prepared> prepare(UUID businessId, UUID sessionId, Locale locale, String actor) {
        return documents.load(businessId, sessionId, true).map(doc -> {
            Instant now = clock.instant();
            audit.insert(AuditEvent.byActor(businessId, actor, AuditAction.EVIDENCE_DOWNLOADED,
                    AuditTarget.SESSION, sessionId.toString(), "data SHA-256 " + doc.dataSha256(), now));
            return new Prepared(doc, now, locale);
        });
    }

    void writeTo(Prepared prepared, OutputStream response) {
        slots.run(() -> {
            write(prepared, response);
            return null;
        });
    }

    static String fileName(UUID sessionId) {
        return "livecheck-evidence-" + sessionId + ".zip";
    }

    private void write(Prepared prepared, OutputStream response) {
        SessionDocument doc = prepared.document();
        ObjectNode manifest = JSON.createObjectNode()
                .put("session_id", doc.session().id().toString())
                .put("business", doc.businessName())
                .put("generated_at", prepared.generatedAt().toString())
                .put("data_sha256", doc.dataSha256());
        ArrayNode files = manifest.putArray("files");
        try (ZipOutputStream zip = new ZipOutputStream(new Unclosable(response), StandardCharsets.UTF_8)) {
            zip.setLevel(Deflater.BEST_SPEED);
            for (SessionDocument.AttemptPart part : doc.attempts()) {
                String folder = "attempt-" + part.attempt().attemptNumber() + "/";
                entry(zip, files, folder + "report.json", out -> out.write(reportJson(part)));
                for (SessionDocument.ImagePart image : part.images()) {
                    if (image.embedded()) {
                        entry(zip, files, folder + image.role().name().toLowerCase(Locale.ROOT)
                                + extension(image.contentType()), out -> out.write(image.bytes()));
                    }
                }
            }
            entry(zip, files, PDF, out -> renderer.render(doc, prepared.locale(), prepared.generatedAt(), out));
            zip.putNextEntry(new ZipEntry(MANIFEST));
            zip.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A stored recommendation in the engine's terms: a value added on one side only fails compilation here. */
    private static Recommendation engineRecommendation(dev.livecheck.persistence.sessions.Recommendation stored) {
        return switch (stored) {
            case APPROVE -> Recommendation.APPROVE;
            case REJECT -> Recommendation.REJECT;
            case NOT_AVAILABLE -> Recommendation.NOT_AVAILABLE;
        };
    }

    private static LivenessAuth engineLivenessAuth(dev.livecheck.persistence.attempts.LivenessAuth stored) {
        return switch (stored) {
            case PASS -> LivenessAuth.PASS;
            case FAIL -> LivenessAuth.FAIL;
        };
    }

    /** The attempt in {@code evaluate}'s shape; a report this portal cannot read still gives the stored outcome. */
    static byte[] reportJson(SessionDocument.AttemptPart part) {
        Attempt a = part.attempt();
        String name = "attempt-" + a.attemptNumber();
        ObjectNode line;
        try {
            LivenessReport report = ReportJson.fromJson(a.subChecksJson());
            line = ReportJson.evaluateLine(name, report, a.decisionMs(), true);
        } catch (IllegalArgumentException | NullPointerException e) {
            line = ReportJson.evaluateLine(name, engineRecommendation(a.recommendation()),
                    engineLivenessAuth(a.livenessAuth()), a.reason(), a.decisionMs());
        }
        line.put("attempt_id", a.id().toString());
        ArrayNode challenges = line.putArray("challenges");
        part.challenges().forEach(challenges::add);
        line.put("frames", a.frames())
                .put("analyzed_frames", a.analyzedFrames())
                .put("duration_millis", a.durationMs())
                .put("decision_millis", a.decisionMs())
                .put("started_at", String.valueOf(a.startedAt()))
                .put("completed_at", String.valueOf(a.completedAt()));
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(line);
    }

    private interface EntryWriter {
        void write(OutputStream out) throws IOException;
    }

    private static void entry(ZipOutputStream zip, ArrayNode files, String path, EntryWriter writer)
            throws IOException {
        MessageDigest sha256 = sha256();
        Counting counting = new Counting(new DigestOutputStream(new Unclosable(zip), sha256));
        zip.putNextEntry(new ZipEntry(path));
        writer.write(counting);
        counting.flush();
        zip.closeEntry();
        files.addObject().put("path", path).put("sha256", HexFormat.of().formatHex(sha256.digest()))
                .put("size", counting.count);
    }

    private static String extension(String contentType) {
        return switch (contentType == null ? "" : contentType) {
            case "image/png" -> ".png";
            case "image/webp" -> ".webp";
            default -> ".jpg";
        };
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Counts what passes through. */
    private static final class Counting extends FilterOutputStream {
        long count;

        Counting(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }

    /** Keeps a writer (the PDF renderer closes what it wrote to) from closing the ZIP or the response. */
    private static final class Unclosable extends FilterOutputStream {
        Unclosable(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
