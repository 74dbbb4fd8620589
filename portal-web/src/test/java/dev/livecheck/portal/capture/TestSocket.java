package dev.livecheck.portal.capture;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A capture-protocol client for tests: collects the server's messages and the close code. */
final class TestSocket implements WebSocket.Listener {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    private volatile long lastFrameSentNanos;
    private final java.util.List<Long> replyLatencies = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
    private WebSocket socket;

    /** Connects, or returns the handshake's HTTP status as a failure. */
    static TestSocket connect(int port, String cookieToken, String origin) throws HandshakeRefused {
        return connect(port, cookieToken, null, origin);
    }

    /** Connects with a binding cookie, a socket ticket ({@code ?ticket=}), both or neither. */
    static TestSocket connect(int port, String cookieToken, String ticket, String origin) throws HandshakeRefused {
        TestSocket listener = new TestSocket();
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder()
                .connectTimeout(Duration.ofSeconds(10));
        if (cookieToken != null) {
            builder.header("Cookie", CaptureCookie.NAME + "=" + cookieToken);
        }
        if (origin != null) {
            builder.header("Origin", origin);
        }
        try {
            String query = ticket == null ? ""
                    : "?" + CaptureHandshakeInterceptor.TICKET_PARAMETER + "=" + URLEncoder.encode(ticket, UTF_8);
            listener.socket = builder.buildAsync(URI.create("ws://localhost:" + port + "/ws/capture" + query), listener)
                    .orTimeout(10, TimeUnit.SECONDS).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException refused) {
                throw new HandshakeRefused(refused.getResponse().statusCode());
            }
            throw e;
        }
        return listener;
    }

    /** The server answered the handshake with this status instead of 101. */
    static final class HandshakeRefused extends Exception {
        final int status;

        HandshakeRefused(int status) {
            super("handshake refused with HTTP " + status);
            this.status = status;
        }
    }

    void sendText(String text) {
        socket.sendText(text, true).join();
    }

    void sendBinary(byte[] bytes) {
        socket.sendBinary(ByteBuffer.wrap(bytes), true).join();
        lastFrameSentNanos = System.nanoTime();
    }

    /** Sends a message the server may refuse by closing the socket before it has read all of it. */
    void sendBinaryMaybeRefused(byte[] bytes) {
        socket.sendBinary(ByteBuffer.wrap(bytes), true).orTimeout(10, TimeUnit.SECONDS).exceptionally(e -> null)
                .join();
    }

    /** For each server message after the first frame: nanoseconds since the latest frame this client sent. */
    java.util.List<Long> replyLatencies() {
        return replyLatencies;
    }

    /** The very next message, whatever its type; fails after the timeout. */
    JsonNode next(Duration timeout) throws InterruptedException {
        JsonNode message = messages.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
        if (message == null) {
            throw new AssertionError("no message within " + timeout);
        }
        return message;
    }

    /** The next message of the given type, skipping others; fails after the timeout. */
    JsonNode next(String type, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            JsonNode message = messages.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (message == null) {
                throw new AssertionError("no '" + type + "' message within " + timeout);
            }
            if (type.equals(message.get("type").asString())) {
                return message;
            }
        }
    }

    /** The next error with this code, skipping everything else. */
    JsonNode nextError(String code, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            JsonNode error = next("error", Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            if (code.equals(error.get("code").asString())) {
                return error;
            }
        }
    }

    /** The server closed the socket (or it failed). */
    boolean isClosed() {
        return closeCode.isDone();
    }

    int awaitClose(Duration timeout) {
        return closeCode.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).join();
    }

    void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").orTimeout(5, TimeUnit.SECONDS).exceptionally(e -> null)
                .join();
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            long sent = lastFrameSentNanos;
            if (sent != 0) {
                replyLatencies.add(System.nanoTime() - sent);
            }
            messages.add(JSON.readTree(partial.toString()));
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closeCode.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closeCode.completeExceptionally(error);
    }
}
