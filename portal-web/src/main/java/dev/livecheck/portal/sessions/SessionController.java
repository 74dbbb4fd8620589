package dev.livecheck.portal.sessions;

import dev.livecheck.persistence.attempts.AttemptQueries;
import dev.livecheck.persistence.capacity.BusyAttempts;
import dev.livecheck.persistence.outbox.Outbox;
import dev.livecheck.persistence.profiles.CheckProfiles;
import dev.livecheck.persistence.sessions.Recommendation;
import dev.livecheck.persistence.sessions.SessionState;
import dev.livecheck.persistence.sessions.VerificationSession;
import dev.livecheck.portal.email.LinkSealer;
import dev.livecheck.portal.security.PortalPrincipal;
import jakarta.validation.Valid;
import java.time.Clock;
import java.util.UUID;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.server.ResponseStatusException;

/**
 * /sessions: list with filters (each row leads to the session's report), create (link shown once), detail with resend
 * and cancel.
 */
@Controller
class SessionController {
    private static final int PAGE_SIZE = 20;
    private static final String SEALED_LINK = "sealedCaptureLink";

    private final SessionService service;
    private final CheckProfiles profiles;
    private final AttemptQueries attempts;
    private final Outbox outbox;
    private final LinkSealer sealer;
    private final Clock clock;
    private final BusyAttempts busyAttempts;

    SessionController(SessionService service, CheckProfiles profiles, AttemptQueries attempts, Outbox outbox,
                      LinkSealer sealer, Clock clock, BusyAttempts busyAttempts) {
        this.service = service;
        this.profiles = profiles;
        this.attempts = attempts;
        this.outbox = outbox;
        this.sealer = sealer;
        this.clock = clock;
        this.busyAttempts = busyAttempts;
    }

    /** The filters are {@link SessionFilterParams}, bound exactly as {@code /sessions/export.csv} binds them. */
    @GetMapping("/sessions")
    String list(@AuthenticationPrincipal PortalPrincipal me, SessionFilterParams filter,
                @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("sessions", service.search(me, filter.toFilter(clock.getZone()),
                PageRequest.of(Math.max(page, 0), PAGE_SIZE)));
        model.addAttribute("states", SessionState.values());
        model.addAttribute("recommendations", Recommendation.values());
        model.addAttribute("state", filter.state());
        model.addAttribute("recommendation", filter.recommendation());
        model.addAttribute("q", filter.text());
        model.addAttribute("from", filter.from());
        model.addAttribute("to", filter.to());
        String query = filter.query();
        model.addAttribute("query", query);
        model.addAttribute("exportLink", query.isEmpty() ? "/sessions/export.csv"
                : "/sessions/export.csv?" + query.substring(0, query.length() - 1));
        return "sessions/list";
    }

    @GetMapping("/sessions/new")
    String newForm(@AuthenticationPrincipal PortalPrincipal me, Model model) {
        model.addAttribute("sessionForm", new SessionForm());
        return form(me, model);
    }

    @PostMapping("/sessions")
    String create(@AuthenticationPrincipal PortalPrincipal me, @Valid @ModelAttribute("sessionForm") SessionForm form,
                  BindingResult result, Model model, RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return form(me, model);
        }
        return service.create(me, form)
                .map(created -> showLinkOnce(created, redirect))
                .orElseGet(() -> {
                    result.rejectValue("profileId", "session.profile.unknown");
                    return form(me, model);
                });
    }

    @GetMapping("/sessions/{id}/created")
    String created(@AuthenticationPrincipal PortalPrincipal me, @PathVariable UUID id, Model model) {
        model.addAttribute("verificationSession", load(me, id));
        if (model.getAttribute(SEALED_LINK) instanceof String sealed) {
            model.addAttribute("captureLink", sealer.unseal(sealed));
        }
        return "sessions/created";
    }

    @GetMapping("/sessions/{id}")
    String detail(@AuthenticationPrincipal PortalPrincipal me, @PathVariable UUID id, Model model) {
        VerificationSession session = load(me, id);
        model.addAttribute("verificationSession", session);
        model.addAttribute("profile", profiles.findByBusinessIdAndId(me.businessId(), session.profileId()).orElse(null));
        model.addAttribute("attempts", attempts.attemptsOfSession(me.businessId(), id));
        model.addAttribute("emails", outbox.findAllByBusinessIdAndSessionIdOrderByCreatedAt(me.businessId(), id));
        model.addAttribute("busyAttempts", busyAttempts.findAllByBusinessIdAndSessionIdOrderByCreatedAt(me.businessId(), id));
        return "sessions/detail";
    }

    @PostMapping("/sessions/{id}/resend")
    String resend(@AuthenticationPrincipal PortalPrincipal me, @PathVariable UUID id, RedirectAttributes redirect) {
        if (load(me, id).createdByApi()) {
            redirect.addFlashAttribute("errorMessage", "session.resend.notForApi");
            return "redirect:/sessions/" + id;
        }
        return service.resend(me, id)
                .map(created -> showLinkOnce(created, redirect))
                .orElseGet(() -> notOngoing(id, redirect));
    }

    @PostMapping("/sessions/{id}/cancel")
    String cancel(@AuthenticationPrincipal PortalPrincipal me, @PathVariable UUID id, RedirectAttributes redirect) {
        load(me, id);
        if (!service.cancel(me, id)) {
            return notOngoing(id, redirect);
        }
        redirect.addFlashAttribute("flashMessage", "session.cancelled");
        return "redirect:/sessions/" + id;
    }

    private String form(PortalPrincipal me, Model model) {
        model.addAttribute("profiles", profiles.findAllByBusinessIdAndArchivedOrderByName(me.businessId(), false));
        return "sessions/form";
    }

    /**
     * The link travels in a flash attribute, so it is on the next page once and gone on reload. Flash attributes live
     * in the HTTP session, which Spring Session keeps in the database: hence sealed, like in the outbox.
     */
    private String showLinkOnce(SessionService.Created created, RedirectAttributes redirect) {
        redirect.addFlashAttribute(SEALED_LINK, sealer.seal(created.link()));
        return "redirect:/sessions/" + created.sessionId() + "/created";
    }

    private static String notOngoing(UUID id, RedirectAttributes redirect) {
        redirect.addFlashAttribute("errorMessage", "session.notOngoing");
        return "redirect:/sessions/" + id;
    }

    private VerificationSession load(PortalPrincipal me, UUID id) {
        return service.find(me, id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
