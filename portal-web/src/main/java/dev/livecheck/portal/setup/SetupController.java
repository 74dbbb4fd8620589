package dev.livecheck.portal.setup;

import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;

/** The first-run page; once a business exists it does not exist any more (404). */
@Controller
class SetupController {
    private final SetupState state;
    private final FirstRun firstRun;

    SetupController(SetupState state, FirstRun firstRun) {
        this.state = state;
        this.firstRun = firstRun;
    }

    @GetMapping("/setup")
    String form(@ModelAttribute("setup") SetupForm form) {
        requireSetupOpen();
        return "setup/setup";
    }

    @PostMapping("/setup")
    String create(@Valid @ModelAttribute("setup") SetupForm form, BindingResult result) {
        requireSetupOpen();
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
        return "redirect:/login?setup";
    }

    private void requireSetupOpen() {
        if (state.isComplete()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }
}
