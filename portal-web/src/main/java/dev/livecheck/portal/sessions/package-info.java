/**
 * Verification sessions and every page of one session under {@code /sessions}: create one for a recipient (token,
 * e-mail in the outbox, audit in one transaction), list, resend, cancel and view; the session report with every
 * attempt's images and sub-checks, the business's final decision and deleting a session with everything it holds
 * ({@link dev.livecheck.portal.sessions.SessionDeletion}, also used by the API and the record retention job).
 * Another business's ids are answered with 404 as if they did not exist. Not here: the CSV export of many sessions
 * ({@code reports}) and one session's PDF and evidence bundle ({@code sessionreport}).
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"email", "security", "web"})
package dev.livecheck.portal.sessions;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
