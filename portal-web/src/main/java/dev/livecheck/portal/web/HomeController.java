package dev.livecheck.portal.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page after sign-in is the dashboard: every role may read it, and the navigation leads on from there. */
@Controller
class HomeController {

    @GetMapping("/")
    String home() {
        return "redirect:/dashboard";
    }
}
