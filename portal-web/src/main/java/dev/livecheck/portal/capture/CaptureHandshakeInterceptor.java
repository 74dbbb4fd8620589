package dev.livecheck.portal.capture;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
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
 * Admits a capture socket only for a browser bound (by {@link CaptureCookie}) to an ONGOING, unexpired session with
 * attempts left; everything else gets 403 before any WebSocket exists.
 */
@Component
class CaptureHandshakeInterceptor implements HandshakeInterceptor {

    private final CaptureLinkLookup links;
    private final Clock clock;

    CaptureHandshakeInterceptor(CaptureLinkLookup links, Clock clock) {
        this.links = links;
        this.clock = clock;
    }

    @Override
    public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
                                   Map<String, Object> attributes) {
        Optional<CaptureLink> link = boundLink(request).filter(l -> l.isOpenAt(clock.instant()));
        if (link.isEmpty()) {
            response.setStatusCode(HttpStatus.FORBIDDEN);
            return false;
        }
        attributes.put(CaptureBinding.ATTRIBUTE, CaptureBinding.of(link.get()));
        return true;
    }

    private Optional<CaptureLink> boundLink(ServerHttpRequest request) {
        if (!(request instanceof ServletServerHttpRequest servlet)) {
            return Optional.empty();
        }
        HttpServletRequest http = servlet.getServletRequest();
        return CaptureCookie.read(http).flatMap(links::find);
    }

    @Override
    public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
                               Exception exception) {
        // Nothing to clean up: the binding lives in the socket's attributes.
    }
}
