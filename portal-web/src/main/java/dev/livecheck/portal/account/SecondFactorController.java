package dev.livecheck.portal.account;

import dev.livecheck.persistence.users.PortalUser;
import dev.livecheck.portal.security.PortalPrincipal;
import dev.livecheck.portal.security.PortalPrincipal.Step;
import dev.livecheck.portal.security.SignIns;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.Optional;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The TOTP second factor: {@code /login/second-factor} (the sign-in's step after the password) and
 * {@code /account/second-factor} (set up with a QR code, new recovery codes, turn off).
 */
@Controller
class SecondFactorController {
    /** The secret being set up, kept in the session until the app proves it has it. */
    private static final String PENDING_SECRET = SecondFactorController.class.getName() + ".pendingSecret";
    private static final String LOGIN_PAGE = "account/second-factor-login";
    private static final String ACCOUNT_PAGE = "account/second-factor";

    private final SecondFactor secondFactor;
    private final SignIns signIns;

    SecondFactorController(SecondFactor secondFactor, SignIns signIns) {
        this.secondFactor = secondFactor;
        this.signIns = signIns;
    }

    @GetMapping("/login/second-factor")
    String codeForm() {
        return LOGIN_PAGE;
    }

    @PostMapping("/login/second-factor")
    String code(@AuthenticationPrincipal PortalPrincipal me, @RequestParam(required = false) String code,
                HttpServletRequest request, HttpServletResponse response, Model model) {
        if (me.pending() != Step.SECOND_FACTOR) {
            return "redirect:/";
        }
        SecondFactor.Outcome outcome = secondFactor.verify(me, code, request.getRemoteAddr());
        if (outcome != SecondFactor.Outcome.OK) {
            model.addAttribute("error", outcome == SecondFactor.Outcome.THROTTLED ? "totp.throttled" : "totp.wrong");
            return LOGIN_PAGE;
        }
        PortalPrincipal now = signIns.stepDone(request, response, me);
        return "redirect:" + SignIns.pageAfter(now);
    }

    @GetMapping("/account/second-factor")
    String account(@AuthenticationPrincipal PortalPrincipal me, HttpSession session, Model model) {
        PortalUser user = secondFactor.user(me);
        model.addAttribute("enabled", user.hasTotp());
        model.addAttribute("required", secondFactor.required(user));
        if (user.hasTotp()) {
            model.addAttribute("codesLeft", secondFactor.recoveryCodesLeft(me));
        } else {
            String secret = session.getAttribute(PENDING_SECRET) instanceof String s ? s
                    : Totp.base32(Totp.newSecret());
            session.setAttribute(PENDING_SECRET, secret);
            model.addAttribute("secret", secret.replaceAll("(.{4})", "$1 ").strip());
            model.addAttribute("qrCode", QrCodes.pngDataUri(SecondFactor.otpauthUri(me.getUsername(), secret)));
        }
        return ACCOUNT_PAGE;
    }

    @PostMapping("/account/second-factor/enable")
    String enable(@AuthenticationPrincipal PortalPrincipal me, @RequestParam(required = false) String code,
                  @RequestParam(required = false) String currentPassword, HttpServletRequest request, HttpServletResponse response, Model model,
                  RedirectAttributes redirect) {
        HttpSession session = request.getSession();
        if (!(session.getAttribute(PENDING_SECRET) instanceof String secret)) {
            return "redirect:/account/second-factor";
        }
        Optional<List<String>> codes = secondFactor.enable(me, currentPassword, secret, code,
                request.getRemoteAddr());
        if (codes.isEmpty()) {
            redirect.addFlashAttribute("errorMessage", "totp.wrong");
            return "redirect:/account/second-factor";
        }
        session.removeAttribute(PENDING_SECRET);
        PortalPrincipal now = me.pending() == Step.SECOND_FACTOR_SETUP ? signIns.stepDone(request, response, me) : me;
        return showCodes(model, codes.get(), SignIns.pageAfter(now));
    }

    @PostMapping("/account/second-factor/recovery-codes")
    String newRecoveryCodes(@AuthenticationPrincipal PortalPrincipal me, Model model) {
        if (!secondFactor.user(me).hasTotp()) {
            return "redirect:/account/second-factor";
        }
        return showCodes(model, secondFactor.newRecoveryCodes(me), "/account/second-factor");
    }

    @PostMapping("/account/second-factor/disable")
    String disable(@AuthenticationPrincipal PortalPrincipal me,
                   @RequestParam(required = false) String currentPassword, HttpServletRequest request,
                   RedirectAttributes redirect) {
        switch (secondFactor.disable(me, currentPassword, request.getRemoteAddr())) {
            case OK -> redirect.addFlashAttribute("flashMessage", "totp.disabled");
            case REQUIRED -> redirect.addFlashAttribute("errorMessage", "totp.requiredByOwner");
            case THROTTLED -> redirect.addFlashAttribute("errorMessage", "account.password.throttled");
            case WRONG -> redirect.addFlashAttribute("errorMessage", "account.password.wrongCurrent");
        }
        return "redirect:/account/second-factor";
    }

    private static String showCodes(Model model, List<String> codes, String continueTo) {
        model.addAttribute("recoveryCodes", codes);
        model.addAttribute("continueTo", continueTo);
        return "account/recovery-codes";
    }
}
