/**
 * Reports over many verification sessions: the dashboard with its counts, charts and insights, and the CSV export of
 * the filtered session list ({@code /sessions/export.csv}, filtered like the session list). One session's own pages
 * (report, images, final decision, deletion) are in {@link dev.livecheck.portal.sessions}; its PDF and evidence
 * bundle in {@link dev.livecheck.portal.sessionreport}. Every query is scoped by the signed-in user's business.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"security", "sessions", "web"})
package dev.livecheck.portal.reports;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
