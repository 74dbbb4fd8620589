package dev.livecheck.portal.audit;

import dev.livecheck.persistence.audit.AuditLog;
import dev.livecheck.portal.security.PortalPrincipal;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** /audit: the business's audit events, newest first, a page at a time. */
@Controller
class AuditController {
    private static final int PAGE_SIZE = 50;

    private final AuditLog audit;
    private final AuditActors actors;

    AuditController(AuditLog audit, AuditActors actors) {
        this.audit = audit;
        this.actors = actors;
    }

    @GetMapping("/audit")
    String list(@AuthenticationPrincipal PortalPrincipal me, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("events", audit.findByBusinessIdOrderByOccurredAtDesc(me.businessId(),
                PageRequest.of(Math.max(page, 0), PAGE_SIZE)));
        model.addAttribute("actors", actors.namesOf(me.businessId()));
        model.addAttribute("applicationActors", actors.applicationsOf(me.businessId()));
        return "audit/list";
    }
}
