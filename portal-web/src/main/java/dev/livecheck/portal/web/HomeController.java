package dev.livecheck.portal.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page after sign-in: links to the areas the user's role opens. */
@Controller
class HomeController {

    @GetMapping("/")
    String home() {
        return "home";
    }
}
