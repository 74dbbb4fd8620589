package dev.livecheck.portal.capture;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
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
import org.springframework.web.servlet.view.RedirectView;

/**
 * The e-mailed capture link. Its token leaves the address bar at once: {@code GET /c/{token}} of a known link sets
 * the binding cookie ({@link CaptureCookie}, scoped to the capture paths) and answers 303 to the token-free
 * {@link #PAGE}, which {@link CapturePages} then decides from the cookie. So the token is never in the page's URL, its
 * history entry, a screenshot of the address bar, or a Referer (every capture response also says
 * {@code Referrer-Policy: no-referrer}). The page's socket ticket binds the socket; the cookie also does for protocol
 * clients that rely on it.
 */
@Controller
class CaptureController {

    /** The capture page without its token; the browser's cookie says which link it is. */
    static final String PAGE = "/c/session";
    static final String THEME = PAGE + "/theme.css";
    private static final String REFERRER_POLICY = "Referrer-Policy";
    private static final String NO_REFERRER = "no-referrer";

    private final CaptureLinkLookup links;
    private final CapturePages pages;

    CaptureController(CaptureLinkLookup links, CapturePages pages) {
        this.links = links;
        this.pages = pages;
    }

    @GetMapping("/c/{token}")
    ModelAndView link(@PathVariable String token, HttpServletRequest request, HttpServletResponse response)
            throws Exception {
        response.setHeader(REFERRER_POLICY, NO_REFERRER);
        Optional<CaptureLink> found = links.find(token);
        if (found.isEmpty()) {
            // No cookie for a token that matches nothing: the 404 page right here.
            return pages.show(found, request, link -> Map.of());
        }
        for (var cookie : CaptureCookie.bind(token, request)) {
            response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
        }
        response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
        RedirectView redirect = new RedirectView(PAGE, true);
        redirect.setStatusCode(HttpStatus.SEE_OTHER);
        return new ModelAndView(redirect);
    }

    @GetMapping(PAGE)
    ModelAndView capturePage(HttpServletRequest request, HttpServletResponse response) throws Exception {
        response.setHeader(REFERRER_POLICY, NO_REFERRER);
        return pages.show(CaptureCookie.read(request).flatMap(links::find), request,
                link -> Map.of("themeUrl", THEME));
    }

    /** The brand colour as a CSS custom property: a stylesheet, because the CSP forbids inline styles. */
    @GetMapping(value = THEME, produces = "text/css")
    ResponseEntity<String> theme(HttpServletRequest request) {
        return CaptureCookie.read(request).flatMap(links::find)
                .map(link -> ResponseEntity.ok().contentType(MediaType.valueOf("text/css"))
                        .cacheControl(CacheControl.noStore())
                        .header(REFERRER_POLICY, NO_REFERRER)
                        // brandColour() is always #rrggbb, so it cannot break out of the rule.
                        .body(CaptureTheme.css(link.brandColour())))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND)
                        .contentType(MediaType.valueOf("text/css")).body(""));
    }
}
