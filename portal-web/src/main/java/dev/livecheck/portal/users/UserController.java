package dev.livecheck.portal.users;

import dev.livecheck.persistence.users.PortalUser;
import dev.livecheck.persistence.users.Role;
import dev.livecheck.portal.security.PortalPrincipal;
import dev.livecheck.portal.users.UserAdministration.Outcome;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import java.time.Clock;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * /users (OWNER only, see the security configuration): the list, a new user, and one page per user for role,
 * enabled flag, lockout and password. Another business's user ids answer 404.
 */
@Controller
class UserController {
    private static final String NEW_FORM = "users/new";
    private static final String MANAGE = "users/manage";

    private final UserAdministration administration;
    private final Clock clock;

    UserController(UserAdministration administration, Clock clock) {
        this.administration = administration;
        this.clock = clock;
    }

    @ModelAttribute("roles")
    Role[] roles() {
        return Role.values();
    }

    @GetMapping("/users")
    String list(@AuthenticationPrincipal PortalPrincipal me, Model model) {
        model.addAttribute("users", administration.list(me));
        model.addAttribute("totpRequired", administration.totpRequired(me));
        model.addAttribute("now", clock.instant());
        return "users/list";
    }

    @GetMapping("/users/new")
    String newForm(Model model) {
        model.addAttribute("userForm", new NewUserForm());
        return NEW_FORM;
    }

    @PostMapping("/users")
    String create(@AuthenticationPrincipal PortalPrincipal me, @Valid @ModelAttribute("userForm") NewUserForm form,
                  BindingResult result, RedirectAttributes redirect) {
        if (!result.hasFieldErrors("password") && !form.passwordsMatch()) {
            result.rejectValue("passwordRepeat", "user.password.mismatch");
        }
        if (!result.hasFieldErrors("email") && administration.emailInUse(form.getEmail())) {
            result.rejectValue("email", "user.email.inUse");
        }
        if (result.hasErrors()) {
            return NEW_FORM;
        }
        try {
            administration.create(me, form);
        } catch (DuplicateKeyException e) {
            // Someone took the address between the check above and the insert (the unique index is the backstop).
            result.rejectValue("email", "user.email.inUse");
            return NEW_FORM;
        }
        redirect.addFlashAttribute("flashMessage", "user.created");
        return "redirect:/users";
    }

    @GetMapping("/users/{id}")
    String manage(@AuthenticationPrincipal PortalPrincipal me, @PathVariable UUID id, Model model) {
        model.addAttribute("passwordForm", new PasswordForm());
        return managePage(me, id, model);
    }

    @PostMapping("/users/{id}/role")
    String changeRole(@AuthenticationPrincipal PortalPrincipal me, @PathVariable UUID id, @RequestParam Role role,
                      HttpServletRequest request, RedirectAttributes redirect) {
        return afterChange(me, id, administration.changeRole(me, id, role), "user.roleChanged", request, redirect);
    }

    @PostMapping("/users/{id}/enable")
    String enable(@AuthenticationPrincipal PortalPrincipal me, @PathVariable UUID id, HttpServletRequest request,
                  RedirectAttributes redirect) {
        return afterChange(me, id, administration.setEnabled(me, id, true), "user.enabledDone", request, redirect);
    }

    @PostMapping("/users/{id}/disable")
    String disable(@AuthenticationPrincipal PortalPrincipal me, @PathVariable UUID id, HttpServletRequest request,
                   RedirectAttributes redirect) {
        return afterChange(me, id, administration.setEnabled(me, id, false), "user.disabledDone", request, redirect);
    }

    /** Whether every ADMIN and OWNER of the business must sign in with a second factor. */
    @PostMapping("/users/second-factor-required")
    String requireSecondFactor(@AuthenticationPrincipal PortalPrincipal me,
                               @RequestParam(defaultValue = "false") boolean required, RedirectAttributes redirect) {
        administration.requireTotp(me, required);
        redirect.addFlashAttribute("flashMessage", "user.totpRequired.done");
        return "redirect:/users";
    }

    @PostMapping("/users/{id}/unlock")
    String unlock(@AuthenticationPrincipal PortalPrincipal me, @PathVariable UUID id, HttpServletRequest request,
                  RedirectAttributes redirect) {
        return afterChange(me, id, administration.unlock(me, id), "user.unlocked", request, redirect);
    }

    @PostMapping("/users/{id}/password")
    String resetPassword(@AuthenticationPrincipal PortalPrincipal me, @PathVariable UUID id,
                         @Valid @ModelAttribute("passwordForm") PasswordForm form, BindingResult result,
                         HttpServletRequest request, Model model, RedirectAttributes redirect) {
        if (!result.hasFieldErrors("password") && !form.passwordsMatch()) {
            result.rejectValue("passwordRepeat", "user.password.mismatch");
        }
        if (result.hasErrors()) {
            return managePage(me, id, model);
        }
        HttpSession current = request.getSession(false);
        Outcome outcome = administration.resetPassword(me, id, form.getPassword(), current == null ? null : current.getId());
        return afterChange(me, id, outcome, "user.passwordReset", request, redirect);
    }

    private String managePage(PortalPrincipal me, UUID id, Model model) {
        PortalUser user = administration.find(me, id).orElseThrow(UserController::notFound);
        model.addAttribute("user", user);
        model.addAttribute("self", user.id().equals(me.userId()));
        model.addAttribute("delayedUntil", administration.signInDelayedUntil(user).orElse(null));
        return MANAGE;
    }

    /**
     * Back to the user's page with a message. An OWNER who took their own rights away (role or enabled flag) has had
     * their sessions ended with everyone else's, so this request's session goes too and they sign in again.
     */
    private String afterChange(PortalPrincipal me, UUID id, Outcome outcome, String doneMessage,
                               HttpServletRequest request, RedirectAttributes redirect) {
        switch (outcome) {
            case NOT_FOUND -> throw notFound();
            case LAST_OWNER -> redirect.addFlashAttribute("errorMessage", "user.lastOwner");
            case DONE -> redirect.addFlashAttribute("flashMessage", doneMessage);
        }
        if (outcome == Outcome.DONE && id.equals(me.userId()) && ownRightsChanged(me)) {
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            SecurityContextHolder.clearContext();
            return "redirect:/login?logout";
        }
        return "redirect:/users/" + id;
    }

    /** Whether the signed-in OWNER's stored account no longer matches the rights their session was given. */
    private boolean ownRightsChanged(PortalPrincipal me) {
        return administration.find(me, me.userId())
                .map(stored -> stored.role() != me.role() || !stored.enabled())
                .orElse(true);
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
}
