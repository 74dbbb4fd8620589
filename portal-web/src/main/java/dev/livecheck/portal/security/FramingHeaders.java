package dev.livecheck.portal.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.security.web.header.HeaderWriter;

/**
 * The CSP and X-Frame-Options of the API chain. Spring Security writes headers when the response is committed, so
 * a controller's {@link FrameAncestors#allow} is already known here: those origins become {@code frame-ancestors}
 * and X-Frame-Options is left out (it cannot name origins, and DENY would forbid the frame). Without them the
 * response gets the same {@code 'none'} and DENY as every page.
 */
final class FramingHeaders implements HeaderWriter {

    @Override
    public void writeHeaders(HttpServletRequest request, HttpServletResponse response) {
        List<String> ancestors = FrameAncestors.of(request);
        response.setHeader("Content-Security-Policy", SecurityConfiguration.contentSecurityPolicy(ancestors));
        if (ancestors.isEmpty()) {
            response.setHeader("X-Frame-Options", "DENY");
        }
    }
}
