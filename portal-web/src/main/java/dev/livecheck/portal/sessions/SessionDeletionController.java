package dev.livecheck.portal.sessions;

import dev.livecheck.persistence.users.Role;
import dev.livecheck.portal.security.PortalPrincipal;
import java.time.Clock;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Deleting a session: a confirmation page, then the POST. The security chain already admits only ADMIN and OWNER to
 * the POST; the confirmation page is a GET under /sessions, open to reviewers by that chain, so the role is checked
 * here too (for the POST as well, so the rule does not hang on one URL pattern).
 */
@Controller
class SessionDeletionController {
    private final SessionReports reports;
    private final SessionDeletion deletion;
    private final Clock clock;

    SessionDeletionController(SessionReports reports, SessionDeletion deletion, Clock clock) {
        this.reports = reports;
        this.deletion = deletion;
        this.clock = clock;
    }

    @GetMapping("/sessions/{id}/delete")
    String confirm(@AuthenticationPrincipal PortalPrincipal principal, @PathVariable UUID id, Model model) {
        requireAdmin(principal);
        model.addAttribute("report", reports.load(principal.businessId(), id)
                .orElseThrow(SessionReportController::notFound));
        return "sessions/delete";
    }

    @PostMapping("/sessions/{id}/delete")
    String delete(@AuthenticationPrincipal PortalPrincipal principal, @PathVariable UUID id,
                  RedirectAttributes redirect) {
        requireAdmin(principal);
        if (!deletion.delete(principal.businessId(), id, principal.userId(), clock.instant())) {
            throw SessionReportController.notFound();
        }
        redirect.addFlashAttribute("flashMessage", "reports.delete.done");
        return "redirect:/sessions";
    }

    private static void requireAdmin(PortalPrincipal principal) {
        if (principal.role() != Role.ADMIN && principal.role() != Role.OWNER) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
    }
}
