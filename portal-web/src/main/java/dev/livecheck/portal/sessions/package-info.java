/**
 * Verification sessions and every endpoint under {@code /sessions}: create one for a recipient (token, e-mail in the
 * outbox, audit in one transaction), list, resend, cancel and view; the session report with every attempt's images and
 * sub-checks, the business's final decision and deleting a session with everything it holds
 * ({@link dev.livecheck.portal.sessions.SessionDeletion}, also used by the API and the record retention job).
 * Another business's ids are answered with 404 as if they did not exist. Two internal sub-packages: {@code export}
 * (the filtered list as CSV) and {@code report} (one session's PDF and evidence bundle; its public types are the
 * named interface {@code sessions::report}, for the API's {@code report.pdf}).
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"email", "security", "web"})
package dev.livecheck.portal.sessions;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
