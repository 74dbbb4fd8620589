package dev.livecheck.portal.capture;

import dev.livecheck.portal.security.FrameAncestors;
import dev.livecheck.portal.web.SessionApiPaths;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The SDK's web entry to the capture page, {@code /idverify/v1/web/index.html?sessionID=...&sessionToken=...}: the
 * session token is the session's capture token and must belong to that session. What it shows is decided exactly as
 * for the e-mailed link ({@link CapturePages}). Unlike that link it sets no cookie (the API paths are stateless, and
 * a cross-site iframe would not send it back): the page's socket ticket binds it. Its API application's origins may
 * frame it ({@link FrameAncestors}), and the page learns them to post the outcome to its parent (docs/capture.md).
 * The API's signature filter leaves {@code /idverify/v1/web/} alone: the token is the credential here.
 */
@Controller
class WebEntryController {

    static final String PATH = SessionApiPaths.WEB_ENTRY;
    static final String THEME_PATH = SessionApiPaths.WEB_THEME;
    private static final Pattern COLOUR = Pattern.compile("[0-9a-f]{6}");

    private final CaptureLinkLookup links;
    private final CapturePages pages;

    WebEntryController(CaptureLinkLookup links, CapturePages pages) {
        this.links = links;
        this.pages = pages;
    }

    @GetMapping(PATH)
    ModelAndView entry(@RequestParam(name = "sessionID", required = false) String sessionId,
                       @RequestParam(name = "sessionToken", required = false) String sessionToken,
                       HttpServletRequest request) throws Exception {
        // A missing or malformed value is just a pair that matches nothing: the same "not valid" page.
        Optional<CaptureLink> found = links.find(sessionToken)
                .filter(link -> link.session().id().toString().equalsIgnoreCase(sessionId));
        // Also for the "expired" page, so an embedded frame shows it instead of the browser's refusal.
        List<String> origins = FrameAncestors.allow(request, found.map(links::embeddingOrigins).orElse(List.of()));
        return pages.show(found, request, link -> Map.of(
                "themeUrl", THEME_PATH + link.brandColour().substring(1) + ".css",
                "sessionId", link.session().id().toString(),
                "parentOrigins", String.join(" ", origins)));
    }

    /**
     * The theme keyed by the colour itself: nothing secret in the URL (the e-mailed page's theme URL holds its
     * token), and the same for every session with that colour, so it may be cached.
     */
    @GetMapping(value = THEME_PATH + "{colour}.css", produces = "text/css")
    ResponseEntity<String> theme(@PathVariable String colour) {
        if (!COLOUR.matcher(colour).matches()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.valueOf("text/css")).body("");
        }
        return ResponseEntity.ok().contentType(MediaType.valueOf("text/css"))
                .cacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePublic())
                .body(CaptureTheme.css("#" + colour));
    }
}
