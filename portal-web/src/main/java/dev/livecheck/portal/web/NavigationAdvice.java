package dev.livecheck.portal.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Tells the layout which navigation entry the page belongs to, so it can mark it with {@code aria-current="page"}.
 * Thymeleaf 3.1 no longer exposes the request to templates, hence a model attribute.
 */
@ControllerAdvice
class NavigationAdvice {

    /** The first path segment: "/sessions/42/report" → "sessions", "/dashboard" → "dashboard", "/" → "". */
    @ModelAttribute("activeSection")
    String activeSection(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String[] segments = path.split("/", 3);
        return segments.length > 1 ? segments[1] : "";
    }
}
