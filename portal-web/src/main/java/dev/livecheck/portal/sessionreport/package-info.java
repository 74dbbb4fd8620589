/**
 * Reports that leave the portal: a session's report as PDF (with or without its images), rendered server-side from
 * a Thymeleaf template by openhtmltopdf on Apache PDFBox with embedded DejaVu fonts, and the evidence bundle (ZIP:
 * each attempt's report JSON in {@code liveness-cli evaluate}'s format, its images as stored, the PDF and a
 * {@code manifest.json} of SHA-256 hashes), streamed. The portal serves both on the session page; the session API
 * serves the PDF as {@code GET /idverify/v1/sessions/{id}/report.pdf} through {@link
 * dev.livecheck.portal.sessionreport.SessionReportPdfs}. Everything is read within one business (another business's
 * session is not found) and every download is audited.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"security", "sessions", "web"})
package dev.livecheck.portal.sessionreport;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
