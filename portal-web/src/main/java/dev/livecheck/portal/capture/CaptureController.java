package dev.livecheck.portal.capture;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.View;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

/**
 * The e-mailed capture link. An open link renders the capture page in the profile's language and binds the browser
 * to the session (see {@link CaptureCookie}); an unknown link is a 404 page, a closed one a 410 page saying why.
 */
@Controller
class CaptureController {

    private final CaptureLinkLookup links;
    private final ThymeleafViewResolver views;
    private final Clock clock;

    CaptureController(CaptureLinkLookup links, ThymeleafViewResolver views, Clock clock) {
        this.links = links;
        this.views = views;
        this.clock = clock;
    }

    @GetMapping("/c/{token}")
    ModelAndView capturePage(@PathVariable String token, HttpServletRequest request, HttpServletResponse response)
            throws Exception {
        Optional<CaptureLink> found = links.find(token);
        if (found.isEmpty()) {
            return page("capture/unavailable", CaptureLocales.fromBrowser(request), HttpStatus.NOT_FOUND,
                    Map.of("reason", "UNKNOWN"));
        }
        CaptureLink link = found.get();
        Instant now = clock.instant();
        Locale locale = CaptureLocales.choose(link.profile().locale(), request);
        if (!link.isOpenAt(now)) {
            return page("capture/unavailable", locale, HttpStatus.GONE,
                    Map.of("reason", link.closedReasonAt(now).name()));
        }
        response.addHeader(HttpHeaders.SET_COOKIE, CaptureCookie.bind(token, request).toString());
        links.markOpened(link, now);
        return page("capture/page", locale, HttpStatus.OK, Map.of(
                "token", token,
                "attemptsLeft", link.session().attemptsLeft(),
                "challengeCount", link.profile().challengeCount()));
    }

    /** The profile's brand colour as a CSS custom property: a stylesheet, because the CSP forbids inline styles. */
    @GetMapping(value = "/c/{token}/theme.css", produces = "text/css")
    ResponseEntity<String> theme(@PathVariable String token) {
        return links.find(token)
                .map(link -> ResponseEntity.ok().contentType(MediaType.valueOf("text/css"))
                        .cacheControl(CacheControl.noStore())
                        // brandColour is validated as #rrggbb by the profile, so it cannot break out of the rule.
                        .body(":root { --capture-brand: " + link.profile().brandColour() + "; }\n"))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND)
                        .contentType(MediaType.valueOf("text/css")).body(""));
    }

    /** Rendered in an explicit locale: the profile's language wins over the browser's. */
    private ModelAndView page(String template, Locale locale, HttpStatus status, Map<String, Object> model)
            throws Exception {
        View view = views.resolveViewName(template, locale);
        ModelAndView page = new ModelAndView(view, model);
        page.setStatus(status);
        return page;
    }
}
