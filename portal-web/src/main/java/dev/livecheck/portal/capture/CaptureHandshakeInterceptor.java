package dev.livecheck.portal.capture;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;

/**
 * Admits a capture socket only for a browser bound to an ONGOING, unexpired session with attempts left; everything
 * else gets 403 before any WebSocket exists. The binding is the page's socket ticket ({@code ?ticket=}, see
 * {@link CaptureTickets}) when the request carries one, which then alone decides; else the binding cookie that the
 * e-mailed link sets ({@link CaptureCookie}).
 */
@Component
class CaptureHandshakeInterceptor implements HandshakeInterceptor {

    static final String TICKET_PARAMETER = "ticket";

    private final CaptureLinkLookup links;
    private final CaptureTickets tickets;
    private final Clock clock;

    CaptureHandshakeInterceptor(CaptureLinkLookup links, CaptureTickets tickets, Clock clock) {
        this.links = links;
        this.tickets = tickets;
        this.clock = clock;
    }

    @Override
    public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
                                   Map<String, Object> attributes) {
        Instant now = clock.instant();
        Optional<CaptureLink> link = boundLink(request, now).filter(l -> l.isOpenAt(now));
        if (link.isEmpty()) {
            response.setStatusCode(HttpStatus.FORBIDDEN);
            return false;
        }
        attributes.put(CaptureBinding.ATTRIBUTE, CaptureBinding.of(link.get()));
        return true;
    }

    private Optional<CaptureLink> boundLink(ServerHttpRequest request, Instant now) {
        if (!(request instanceof ServletServerHttpRequest servlet)) {
            return Optional.empty();
        }
        HttpServletRequest http = servlet.getServletRequest();
        String ticket = http.getParameter(TICKET_PARAMETER);
        if (ticket != null) {
            return tickets.read(ticket, now).flatMap(claims -> links.reload(claims.businessId(), claims.sessionId())
                    .filter(link -> tickets.matches(claims, link.session())));
        }
        return CaptureCookie.read(http).flatMap(links::find);
    }

    @Override
    public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
                               Exception exception) {
        // Nothing to clean up: the binding lives in the socket's attributes.
    }
}
