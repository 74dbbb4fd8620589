package dev.livecheck.portal.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets one response be framed by named origins. Every page is {@code frame-ancestors 'none'} with X-Frame-Options
 * DENY; a controller under {@code /idverify/**} (the embeddable capture page) names the origins that may frame its
 * response, and {@link FramingHeaders} writes them into the CSP instead, without X-Frame-Options.
 */
public final class FrameAncestors {

    private static final Logger log = LoggerFactory.getLogger(FrameAncestors.class);
    private static final String ATTRIBUTE = FrameAncestors.class.getName();
    /**
     * What may go into the header: a scheme, a host (name, IPv4 or bracketed IPv6) and an optional port, nothing
     * else. Origins are validated where they are entered; this only keeps a stray value from adding CSP directives
     * or sources (";", spaces, "*", quotes, paths).
     */
    private static final Pattern ORIGIN = Pattern.compile(
            "https?://([a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*|\\[[0-9a-f:.]+])(:[0-9]{1,5})?");

    private FrameAncestors() {
    }

    /**
     * Allows the origins (e.g. {@code https://shop.example}) to frame this response; other values are dropped.
     *
     * @return the origins allowed, as they go into the header
     */
    public static List<String> allow(HttpServletRequest request, Collection<String> origins) {
        List<String> usable = usable(origins);
        request.setAttribute(ATTRIBUTE, usable);
        return usable;
    }

    /** The origins from {@link #allow} that can be written into a CSP, lower-cased; drops (and logs) the others. */
    static List<String> usable(Collection<String> origins) {
        return origins.stream().map(o -> o.strip().toLowerCase(Locale.ROOT)).filter(o -> {
            boolean ok = ORIGIN.matcher(o).matches();
            if (!ok) {
                log.warn("not an origin, not allowed to frame the capture page: {}", o.replaceAll("\\p{Cntrl}", "?"));
            }
            return ok;
        }).distinct().toList();
    }

    /** Empty when the response may not be framed. */
    @SuppressWarnings("unchecked")
    static List<String> of(HttpServletRequest request) {
        Object allowed = request.getAttribute(ATTRIBUTE);
        return allowed instanceof List<?> list ? (List<String>) list : List.of();
    }
}
