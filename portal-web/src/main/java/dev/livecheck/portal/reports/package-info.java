/**
 * Reports over many verification sessions: the dashboard ({@code /dashboard}) with its counts, charts and insights.
 * Everything under {@code /sessions} is in {@link dev.livecheck.portal.sessions}: one session's pages, its PDF and
 * evidence bundle, and the CSV export of the filtered session list. Every query is scoped by the signed-in user's
 * business.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"security", "web"})
package dev.livecheck.portal.reports;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
