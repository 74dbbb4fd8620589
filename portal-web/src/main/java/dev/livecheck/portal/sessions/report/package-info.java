/**
 * One session's documents that leave the portal, part of the {@code sessions} module: the session report as PDF
 * (with or without its images), rendered server-side from a Thymeleaf template by openhtmltopdf on Apache PDFBox with
 * embedded DejaVu fonts, and the evidence bundle (ZIP: each attempt's report JSON in {@code liveness-cli evaluate}'s
 * format, its images as stored, the PDF and a {@code manifest.json} of SHA-256 hashes), streamed. The portal serves
 * both beside the session page ({@code /sessions/{id}/report.pdf}, {@code /sessions/{id}/evidence.zip}); the session
 * API serves the PDF as {@code GET /idverify/v1/sessions/{id}/report.pdf} through {@link
 * dev.livecheck.portal.sessions.report.SessionReportPdfs}. Its public types are the named interface
 * {@code sessions::report}, which a module lists in its allowed dependencies to use them ({@code api} does). Everything
 * is read within one business (another business's session is not found) and every download is audited.
 */
@NullMarked
@NamedInterface("report")
package dev.livecheck.portal.sessions.report;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
