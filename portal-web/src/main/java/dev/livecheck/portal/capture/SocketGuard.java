package dev.livecheck.portal.capture;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketSession;

/**
 * Keeps capture sockets few and short-lived ({@link ConnectionLimits}): at most N open per verification session and
 * per client address, each closed when idle or too old. A script opening 50 sockets on one link, or a host holding
 * hundreds of idle sockets, would otherwise tie up threads and memory that live users need.
 *
 * <p>The counts live in this node's memory: with two portal nodes behind a balancer each node admits its own quota
 * (so a session may hold up to 2 x maxPerSession sockets across both nodes). One attempt per session across nodes is
 * still enforced by the session row ({@link AttemptGate}), which is what protects the decision; the socket counts
 * protect each node's resources, which is a per-node concern.
 */
@Component
class SocketGuard {

    /** Close codes in the application range (4000-4999) so the page can tell a timeout from a lost connection. */
    static final CloseStatus IDLE = new CloseStatus(4000, "idle");
    static final CloseStatus TOO_OLD = new CloseStatus(4001, "lifetime");

    private static final Logger LOG = LoggerFactory.getLogger(SocketGuard.class);

    private record Open(WebSocketSession socket, UUID sessionId, String address, long openedNanos,
                        AtomicLong lastActivityNanos) {
    }

    private final ConnectionLimits limits;
    private final Map<String, Open> open = new ConcurrentHashMap<>();
    private final Map<UUID, Integer> perSession = new HashMap<>();
    private final Map<String, Integer> perAddress = new HashMap<>();
    private final ScheduledFuture<?> sweeping;

    SocketGuard(ConnectionLimits limits, @Qualifier("captureTicker") ScheduledExecutorService ticker) {
        this.limits = limits;
        long period = limits.sweepPeriod().toMillis();
        this.sweeping = ticker.scheduleWithFixedDelay(this::sweep, period, period, TimeUnit.MILLISECONDS);
    }

    /**
     * Counts the socket in, or refuses it when its session or its address already has the maximum open.
     *
     * @param socket the socket messages are sent through (closed by {@link #sweep} when idle or too old)
     */
    boolean admit(WebSocketSession socket, UUID sessionId) {
        String address = addressOf(socket);
        synchronized (this) {
            if (perSession.getOrDefault(sessionId, 0) >= limits.maxPerSession()
                    || perAddress.getOrDefault(address, 0) >= limits.maxPerAddress()) {
                return false;
            }
            perSession.merge(sessionId, 1, Integer::sum);
            perAddress.merge(address, 1, Integer::sum);
            long now = System.nanoTime();
            open.put(socket.getId(), new Open(socket, sessionId, address, now, new AtomicLong(now)));
        }
        return true;
    }

    /** A frame or message arrived: the socket is not idle. */
    void touch(String socketId) {
        Open entry = open.get(socketId);
        if (entry != null) {
            entry.lastActivityNanos().set(System.nanoTime());
        }
    }

    /** The socket closed; a refused socket was never counted and is ignored. */
    void release(String socketId) {
        synchronized (this) {
            Open entry = open.remove(socketId);
            if (entry != null) {
                decrement(perSession, entry.sessionId());
                decrement(perAddress, entry.address());
            }
        }
    }

    /** Sockets open on this node, for tests and diagnostics. */
    int openCount() {
        return open.size();
    }

    void sweep() {
        long now = System.nanoTime();
        long idle = limits.idleTimeout().toNanos();
        long lifetime = limits.maxLifetime().toNanos();
        for (Open entry : open.values()) {
            if (now - entry.openedNanos() >= lifetime) {
                close(entry, TOO_OLD);
            } else if (now - entry.lastActivityNanos().get() >= idle) {
                close(entry, IDLE);
            }
        }
    }

    private void close(Open entry, CloseStatus status) {
        // Counted out now: the container reports the close later, and a second report is ignored by release.
        release(entry.socket().getId());
        try {
            entry.socket().close(status);
        } catch (IOException | RuntimeException e) {
            LOG.debug("closing capture socket {} failed: {}", entry.socket().getId(), e.getMessage());
        }
    }

    @PreDestroy
    void stop() {
        sweeping.cancel(false);
    }

    private static <K> void decrement(Map<K, Integer> counts, K key) {
        counts.computeIfPresent(key, (k, n) -> n <= 1 ? null : n - 1);
    }

    private static String addressOf(WebSocketSession socket) {
        InetSocketAddress remote = socket.getRemoteAddress();
        return remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
    }
}
