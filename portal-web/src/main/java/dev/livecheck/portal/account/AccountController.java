package dev.livecheck.portal.account;

import dev.livecheck.portal.security.PortalPrincipal;
import dev.livecheck.portal.security.SignIns;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** /account/password: every signed-in user changes their own password (and must, when an owner set it). */
@Controller
class AccountController {
    private static final String PASSWORD_PAGE = "account/password";

    private final OwnPassword ownPassword;
    private final SignIns signIns;

    AccountController(OwnPassword ownPassword, SignIns signIns) {
        this.ownPassword = ownPassword;
        this.signIns = signIns;
    }

    @GetMapping("/account/password")
    String form(@AuthenticationPrincipal PortalPrincipal me, Model model) {
        model.addAttribute("passwordForm", new OwnPasswordForm());
        model.addAttribute("required", me.pending() == PortalPrincipal.Step.PASSWORD_CHANGE);
        return PASSWORD_PAGE;
    }

    @PostMapping("/account/password")
    String change(@AuthenticationPrincipal PortalPrincipal me,
                  @Valid @ModelAttribute("passwordForm") OwnPasswordForm form, BindingResult result,
                  HttpServletRequest request, HttpServletResponse response, Model model,
                  RedirectAttributes redirect) {
        model.addAttribute("required", me.pending() == PortalPrincipal.Step.PASSWORD_CHANGE);
        if (!result.hasFieldErrors("password") && !form.passwordsMatch()) {
            result.rejectValue("passwordRepeat", "user.password.mismatch");
        }
        if (result.hasErrors()) {
            return PASSWORD_PAGE;
        }
        switch (ownPassword.change(me, form.getCurrentPassword(), form.getPassword(), request.getRemoteAddr(),
                request.getSession().getId())) {
            case WRONG_CURRENT -> result.rejectValue("currentPassword", "account.password.wrongCurrent");
            case SAME_AS_CURRENT -> result.rejectValue("password", "account.password.same");
            case THROTTLED -> result.rejectValue("currentPassword", "account.password.throttled");
            case CHANGED -> {
                PortalPrincipal now = signIns.stepDone(request, response, me);
                redirect.addFlashAttribute("flashMessage", "account.password.changed");
                return "redirect:" + (now.pending() == PortalPrincipal.Step.NONE ? "/" : SignIns.pageAfter(now));
            }
        }
        return PASSWORD_PAGE;
    }
}
