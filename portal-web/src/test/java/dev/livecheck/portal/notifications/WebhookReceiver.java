package dev.livecheck.portal.notifications;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A real HTTP receiver on 127.0.0.1 (JDK {@code HttpServer}) that records every request it gets and answers each with
 * the next scripted {@link Answer} (then {@code 200} once the script is used up).
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One request as it arrived. */
    public record Received(String method, String path, Map<String, List<String>> headers, String body) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    /**
     * How to answer one request: a status (with a Location for 3xx), never (hold it until the receiver closes), or a
     * status with a body that does not end (chunks of 'a' until the client goes away, at most 64 MiB).
     */
    public record Answer(int status, String location, boolean hold, boolean endless) {
        static Answer status(int status) {
            return new Answer(status, null, false, false);
        }

        static Answer redirect(String location) {
            return new Answer(302, location, false, false);
        }

        static Answer never() {
            return new Answer(0, null, true, false);
        }

        static Answer endlessBody(int status) {
            return new Answer(status, null, false, true);
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<Answer> script = new ConcurrentLinkedQueue<>();
    private final CountDownLatch closing = new CountDownLatch(1);
    private final java.util.concurrent.atomic.AtomicLong bytesStreamed = new java.util.concurrent.atomic.AtomicLong();

    public WebhookReceiver(Answer... answers) throws IOException {
        script.addAll(List.of(answers));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    int port() {
        return server.getAddress().getPort();
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    public List<Received> receivedAt(String path) {
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    Map.copyOf(exchange.getRequestHeaders()), body));
            Answer answer = script.poll();
            if (answer == null) {
                answer = Answer.status(200);
            }
            if (answer.hold()) {
                closing.await(60, TimeUnit.SECONDS);
                return;
            }
            if (answer.endless()) {
                streamForever(exchange, answer.status());
                return;
            }
            if (answer.location() != null) {
                exchange.getResponseHeaders().add("Location", answer.location());
            }
            byte[] reply = ("answer " + answer.status()).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer.status(), reply.length);
            exchange.getResponseBody().write(reply);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void streamForever(HttpExchange exchange, int status) throws IOException {
        exchange.sendResponseHeaders(status, 0);
        byte[] chunk = "a".repeat(8192).getBytes(StandardCharsets.US_ASCII);
        try {
            for (int i = 0; i < 8192 && closing.getCount() > 0; i++) {
                exchange.getResponseBody().write(chunk);
                exchange.getResponseBody().flush();
                bytesStreamed.addAndGet(chunk.length);
            }
        } catch (IOException e) {
            // the client stopped reading and closed the connection: what a capped reader does
        }
    }

    long bytesStreamed() {
        return bytesStreamed.get();
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
