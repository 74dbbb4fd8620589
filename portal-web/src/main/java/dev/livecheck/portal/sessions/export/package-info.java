/**
 * The CSV export of a business's sessions ({@code /sessions/export.csv}, filtered like the session list by
 * {@link dev.livecheck.portal.sessions.SessionFilterParams}), part of the {@code sessions} module and used by no
 * other module. Every export is audited before its first row leaves.
 */
@NullMarked
package dev.livecheck.portal.sessions.export;

import org.jspecify.annotations.NullMarked;
