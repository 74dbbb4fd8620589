package dev.livecheck.portal.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.web.firewall.HttpStatusRequestRejectedHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;

/**
 * Spring Security's firewall refuses hostile paths (encoded semicolons, slashes, dot segments...) before any API
 * code runs. Under the signed API such a path cannot name a session or an endpoint: it gets the API's JSON 404,
 * like any other id that is not a session's. Everywhere else the firewall's own 400 stays. Spring Security uses
 * the one bean of this type for every filter chain.
 */
@Component
class ApiRequestRejectedHandler implements RequestRejectedHandler {

    private final RequestRejectedHandler portal = new HttpStatusRequestRejectedHandler();

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
            throws IOException, jakarta.servlet.ServletException {
        if (!ApiAuthenticationFilter.isSignedApiPath(request)) {
            portal.handle(request, response, rejected);
            return;
        }
        ApiResponses.error(response, 404, ApiError.of(ApiErrors.NOT_FOUND, "No such endpoint of the session API."));
    }
}
