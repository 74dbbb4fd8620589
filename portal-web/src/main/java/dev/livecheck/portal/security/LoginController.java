package dev.livecheck.portal.security;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page; Spring Security handles the POST. */
@Controller
class LoginController {
    private final Duration absoluteSessionLifetime;

    LoginController(@Value("${livecheck.security.absolute-session-lifetime}") Duration absoluteSessionLifetime) {
        this.absoluteSessionLifetime = absoluteSessionLifetime;
    }

    @GetMapping("/login")
    String login(Model model) {
        model.addAttribute("absoluteLifetimeHours", absoluteSessionLifetime.toHours());
        return "security/login";
    }
}
