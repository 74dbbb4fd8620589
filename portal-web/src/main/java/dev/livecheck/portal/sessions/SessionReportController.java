package dev.livecheck.portal.sessions;

import dev.livecheck.persistence.sessions.FinalDecision;
import dev.livecheck.persistence.sessions.FinalDecisionAlreadyRecordedException;
import dev.livecheck.persistence.sessions.FinalDecisions;
import dev.livecheck.persistence.sessions.SessionNotFoundException;
import dev.livecheck.persistence.sessions.VerificationSession;
import dev.livecheck.portal.security.PortalPrincipal;
import java.time.Clock;
import java.util.Arrays;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The session report page and the business's final decision on it (recorded once, by any portal role). */
@Controller
class SessionReportController {
    static final int MAX_NOTE_LENGTH = VerificationSession.MAX_DECISION_NOTE_LENGTH;

    private final SessionReports reports;
    private final FinalDecisions decisions;
    private final Clock clock;

    SessionReportController(SessionReports reports, FinalDecisions decisions, Clock clock) {
        this.reports = reports;
        this.decisions = decisions;
        this.clock = clock;
    }

    @GetMapping("/sessions/{id}/report")
    String report(@AuthenticationPrincipal PortalPrincipal principal, @PathVariable UUID id, Model model) {
        model.addAttribute("report", reports.load(principal.businessId(), id).orElseThrow(SessionReportController::notFound));
        model.addAttribute("decisions", FinalDecision.values());
        return "sessions/report";
    }

    /**
     * Records the decision. A second one (two reviewers on the same page, or a resubmitted form) changes nothing and
     * is told so on the page; the persistence layer's conditional update makes that hold across portal nodes too.
     */
    @PostMapping("/sessions/{id}/decision")
    String decide(@AuthenticationPrincipal PortalPrincipal principal, @PathVariable UUID id,
                  @RequestParam(defaultValue = "") String decision, @RequestParam(defaultValue = "") String note,
                  RedirectAttributes redirect) {
        String redirectTo = "redirect:/sessions/" + id + "/report";
        FinalDecision chosen = Arrays.stream(FinalDecision.values()).filter(d -> d.name().equals(decision))
                .findFirst().orElse(null);
        String trimmedNote = note.strip();
        if (chosen == null || trimmedNote.length() > MAX_NOTE_LENGTH) {
            reports.load(principal.businessId(), id).orElseThrow(SessionReportController::notFound);
            redirect.addFlashAttribute("reportError", chosen == null ? "reports.decision.choose" : "reports.decision.noteTooLong");
            return redirectTo;
        }
        try {
            decisions.record(principal.businessId(), id, chosen, principal.userId(),
                    trimmedNote.isEmpty() ? null : trimmedNote, clock.instant());
            redirect.addFlashAttribute("flashMessage", "reports.decision.recorded");
        } catch (SessionNotFoundException e) {
            throw notFound();
        } catch (FinalDecisionAlreadyRecordedException e) {
            redirect.addFlashAttribute("reportError", "reports.decision.alreadyRecorded");
        }
        return redirectTo;
    }

    static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
}
