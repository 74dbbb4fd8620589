package dev.livecheck.portal.capture;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.AbstractWebSocketHandler;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;

/** {@code /ws/capture}: one {@link CaptureConnection} per socket, opened with the socket and abandoned on close. */
@Component
class CaptureSocketHandler extends AbstractWebSocketHandler {

    /** A slow client may hold this much unsent text before its socket is closed; results are a few hundred bytes. */
    private static final int SEND_BUFFER_BYTES = 64 * 1024;
    private static final int SEND_TIME_LIMIT_MILLIS = 10_000;

    private final CaptureConnections connections;
    private final CaptureLinkLookup links;
    private final SocketGuard guard;
    private final Clock clock;
    private final Map<String, CaptureConnection> open = new ConcurrentHashMap<>();

    CaptureSocketHandler(CaptureConnections connections, CaptureLinkLookup links, SocketGuard guard, Clock clock) {
        this.connections = connections;
        this.links = links;
        this.guard = guard;
        this.clock = clock;
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession socket) throws Exception {
        // Per-socket buffers large enough that an oversized frame reaches us and is refused politely
        // (set here rather than on the container, so MockMvc tests need no servlet WebSocket container).
        socket.setBinaryMessageSizeLimit(CaptureLimits.BINARY_BUFFER_BYTES);
        socket.setTextMessageSizeLimit(CaptureLimits.TEXT_BUFFER_BYTES);
        CaptureBinding binding = (CaptureBinding) socket.getAttributes().get(CaptureBinding.ATTRIBUTE);
        var link = links.reload(binding.businessId(), binding.sessionId());
        if (link.isEmpty()) {
            socket.close(CloseStatus.POLICY_VIOLATION);
            return;
        }
        WebSocketSession concurrent = new ConcurrentWebSocketSessionDecorator(socket, SEND_TIME_LIMIT_MILLIS,
                SEND_BUFFER_BYTES);
        if (!guard.admit(concurrent, binding.sessionId())) {
            concurrent.sendMessage(new TextMessage(ProtocolMessages.error(ProtocolError.TOO_MANY_CONNECTIONS)));
            concurrent.close(CloseStatus.POLICY_VIOLATION);
            return;
        }
        // The page opens its socket only once the person has accepted the consent text: this is the consent. It is
        // also when the link counts as opened: a mail scanner's GET of the link never runs the page's script.
        links.recordConsent(binding, clock.instant());
        links.markOpened(link.get(), clock.instant());
        CaptureConnection connection = connections.open(concurrent, binding);
        open.put(socket.getId(), connection);
        var state = link.get().session();
        connection.opened(state.attemptsUsed() + 1, state.attemptsLeft());
    }

    @Override
    protected void handleTextMessage(WebSocketSession socket, TextMessage message) {
        guard.touch(socket.getId());
        CaptureConnection connection = open.get(socket.getId());
        if (connection != null) {
            connection.message(message.getPayload());
        }
    }

    @Override
    protected void handleBinaryMessage(WebSocketSession socket, BinaryMessage message) {
        guard.touch(socket.getId());
        CaptureConnection connection = open.get(socket.getId());
        if (connection != null) {
            connection.frame(bytes(message.getPayload()));
        }
    }

    @Override
    public void afterConnectionClosed(WebSocketSession socket, CloseStatus status) {
        guard.release(socket.getId());
        CaptureConnection connection = open.remove(socket.getId());
        if (connection != null) {
            connection.closed();
        }
    }

    private static byte[] bytes(ByteBuffer payload) {
        byte[] copy = new byte[payload.remaining()];
        payload.get(copy);
        return copy;
    }
}
