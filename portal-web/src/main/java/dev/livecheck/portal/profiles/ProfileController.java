package dev.livecheck.portal.profiles;

import dev.livecheck.persistence.profiles.CheckProfile;
import dev.livecheck.persistence.profiles.LivenessType;
import dev.livecheck.portal.security.PortalPrincipal;
import jakarta.validation.Valid;
import java.util.UUID;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.server.ResponseStatusException;

/** /profiles: list, create, edit, archive. A profile of another business is "not found", never "forbidden". */
@Controller
class ProfileController {
    private static final String FORM = "profiles/form";

    private final ProfileService service;

    ProfileController(ProfileService service) {
        this.service = service;
    }

    @ModelAttribute("livenessTypes")
    LivenessType[] livenessTypes() {
        return LivenessType.values();
    }

    @GetMapping("/profiles")
    String list(@AuthenticationPrincipal PortalPrincipal me, Model model) {
        model.addAttribute("profiles", service.list(me, false));
        model.addAttribute("archivedProfiles", service.list(me, true));
        return "profiles/list";
    }

    @GetMapping("/profiles/new")
    String newForm(Model model) {
        model.addAttribute("profile", new ProfileForm());
        return FORM;
    }

    @PostMapping("/profiles")
    String create(@AuthenticationPrincipal PortalPrincipal me, @Valid @ModelAttribute("profile") ProfileForm form,
                  BindingResult result, RedirectAttributes redirect) {
        rejectUnavailableType(form, result);
        if (result.hasErrors()) {
            return FORM;
        }
        service.create(me, form);
        redirect.addFlashAttribute("flashMessage", "profile.created");
        return "redirect:/profiles";
    }

    @GetMapping("/profiles/{id}/edit")
    String editForm(@AuthenticationPrincipal PortalPrincipal me, @PathVariable UUID id, Model model) {
        CheckProfile profile = load(me, id);
        model.addAttribute("profile", ProfileForm.of(profile, service.recordRetentionDays(me, profile)));
        model.addAttribute("profileId", profile.id());
        return FORM;
    }

    @PostMapping("/profiles/{id}")
    String update(@AuthenticationPrincipal PortalPrincipal me, @PathVariable UUID id,
                  @Valid @ModelAttribute("profile") ProfileForm form, BindingResult result, Model model,
                  RedirectAttributes redirect) {
        CheckProfile current = load(me, id);
        model.addAttribute("profileId", id);
        rejectUnavailableType(form, result);
        if (result.hasErrors()) {
            return FORM;
        }
        try {
            service.update(me, current, form);
        } catch (OptimisticLockingFailureException e) {
            result.reject("profile.conflict");
            return FORM;
        }
        redirect.addFlashAttribute("flashMessage", "profile.updated");
        return "redirect:/profiles";
    }

    @PostMapping("/profiles/{id}/archive")
    String archive(@AuthenticationPrincipal PortalPrincipal me, @PathVariable UUID id, RedirectAttributes redirect) {
        if (!service.archive(me, id)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        redirect.addFlashAttribute("flashMessage", "profile.archived");
        return "redirect:/profiles";
    }

    private CheckProfile load(PortalPrincipal me, UUID id) {
        return service.find(me, id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    /** PASSIVE is shown in the form as coming later; the engine does not offer it yet. */
    private static void rejectUnavailableType(ProfileForm form, BindingResult result) {
        if (form.getLivenessType() == LivenessType.PASSIVE) {
            result.rejectValue("livenessType", "profile.livenessType.unavailable");
        }
    }
}
