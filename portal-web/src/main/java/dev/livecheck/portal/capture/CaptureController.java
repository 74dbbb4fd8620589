package dev.livecheck.portal.capture;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.ModelAndView;

/**
 * The e-mailed capture link. {@link CapturePages} decides what it shows; an open link also binds the browser to the
 * session with {@link CaptureCookie} (the page's socket ticket binds it too; the cookie stays for protocol clients
 * that rely on it).
 */
@Controller
class CaptureController {

    private final CaptureLinkLookup links;
    private final CapturePages pages;

    CaptureController(CaptureLinkLookup links, CapturePages pages) {
        this.links = links;
        this.pages = pages;
    }

    @GetMapping("/c/{token}")
    ModelAndView capturePage(@PathVariable String token, HttpServletRequest request, HttpServletResponse response)
            throws Exception {
        return pages.show(links.find(token), request, link -> {
            response.addHeader(HttpHeaders.SET_COOKIE, CaptureCookie.bind(token, request).toString());
            return Map.of("themeUrl", "/c/" + token + "/theme.css");
        });
    }

    /** The brand colour as a CSS custom property: a stylesheet, because the CSP forbids inline styles. */
    @GetMapping(value = "/c/{token}/theme.css", produces = "text/css")
    ResponseEntity<String> theme(@PathVariable String token) {
        return links.find(token)
                .map(link -> ResponseEntity.ok().contentType(MediaType.valueOf("text/css"))
                        .cacheControl(CacheControl.noStore())
                        // brandColour() is always #rrggbb, so it cannot break out of the rule.
                        .body(CaptureTheme.css(link.brandColour())))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND)
                        .contentType(MediaType.valueOf("text/css")).body(""));
    }
}
