package dev.livecheck.portal.setup;

import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;

/**
 * The first-run page, guarded by the {@link SetupCode} from the start-up log; once a business exists it does not exist
 * any more (404).
 */
@Controller
class SetupController {
    private final SetupState state;
    private final FirstRun firstRun;
    private final SetupCode setupCode;

    SetupController(SetupState state, FirstRun firstRun, SetupCode setupCode) {
        this.state = state;
        this.firstRun = firstRun;
        this.setupCode = setupCode;
    }

    @GetMapping("/setup")
    String form(@ModelAttribute("setup") SetupForm form) {
        requireSetupOpen();
        return "setup/setup";
    }

    @PostMapping("/setup")
    String create(@Valid @ModelAttribute("setup") SetupForm form, BindingResult result) {
        requireSetupOpen();
        // Checked (and counted) whatever else is wrong, so a wrong code never stays silent.
        if (!setupCode.accepts(form.getSetupCode())) {
            result.rejectValue("setupCode", "setup.codeWrong");
        }
        if (!form.passwordsMatch()) {
            result.rejectValue("passwordRepeat", "setup.passwordMismatch");
        }
        if (result.hasErrors()) {
            return "setup/setup";
        }
        if (!firstRun.createFirstBusiness(form.getBusinessName(), form.getOwnerName(), form.getEmail(),
                form.getPassword(), "setup page")) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        setupCode.discard();
        return "redirect:/login?setup";
    }

    private void requireSetupOpen() {
        if (state.isComplete()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }
}
