package dev.livecheck.portal.capture;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.View;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

/**
 * The one decision behind both ways in, the e-mailed link ({@link CaptureController}) and the SDK's web entry
 * ({@link WebEntryController}): no matching session is a 404 "not valid" page, a closed one a 410 page saying why,
 * an open one the capture page with a fresh socket ticket. The link counts as opened only when the page's socket
 * connects ({@link CaptureSocketHandler}): a mail scanner fetching the link never runs the page's script.
 */
@Component
class CapturePages {

    private final CaptureLinkLookup links;
    private final CaptureTickets tickets;
    private final ThymeleafViewResolver views;
    private final Clock clock;

    CapturePages(CaptureLinkLookup links, CaptureTickets tickets, ThymeleafViewResolver views, Clock clock) {
        this.links = links;
        this.tickets = tickets;
        this.views = views;
        this.clock = clock;
    }

    /**
     * @param entry what the way in adds for an open link (its cookie, theme URL, embedding); returns model values
     */
    ModelAndView show(Optional<CaptureLink> found, HttpServletRequest request,
                      Function<CaptureLink, Map<String, Object>> entry) throws Exception {
        if (found.isEmpty()) {
            return page("capture/unavailable", CaptureLocales.fromBrowser(request), HttpStatus.NOT_FOUND,
                    Map.of("reason", "UNKNOWN"));
        }
        CaptureLink link = found.get();
        Instant now = clock.instant();
        Locale locale = CaptureLocales.choose(link.locale(), request);
        if (!link.isOpenAt(now)) {
            return page("capture/unavailable", locale, HttpStatus.GONE,
                    Map.of("reason", link.closedReasonAt(now).name()));
        }
        Map<String, Object> model = new HashMap<>(entry.apply(link));
        model.put("ticket", tickets.mint(link.session(), now));
        model.put("attemptsLeft", link.session().attemptsLeft());
        model.put("challengeCount", link.profile().challengeCount());
        model.put("fps", CaptureLimits.FPS);
        model.put("maxFrameBytes", CaptureLimits.MAX_FRAME_BYTES);
        model.put("maxFrameLongSide", CaptureLimits.MAX_FRAME_LONG_SIDE);
        model.put("maxFrameShortSide", CaptureLimits.MAX_FRAME_SHORT_SIDE);
        model.put("privacyPolicyUrl", link.privacyPolicyUrl());
        return page("capture/page", locale, HttpStatus.OK, model);
    }

    /** Rendered in an explicit locale: the link's language wins over the browser's. */
    private ModelAndView page(String template, Locale locale, HttpStatus status, Map<String, Object> model)
            throws Exception {
        View view = views.resolveViewName(template, locale);
        ModelAndView page = new ModelAndView(view, model);
        page.setStatus(status);
        return page;
    }
}
