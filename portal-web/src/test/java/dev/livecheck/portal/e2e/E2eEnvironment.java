package dev.livecheck.portal.e2e;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The world around the portal under test, shared by every journey in the JVM: a real SMTP server (GreenMail), the
 * business's own web site that capture pages redirect to, and, per portal instance, a free port and a fresh H2 file
 * database under {@code target/e2e/db}.
 */
final class E2eEnvironment {

    private static GreenMail smtp;
    private static BusinessSite site;

    private E2eEnvironment() {
    }

    /**
     * Settings for one portal instance. The port is chosen before the context starts because capture links and the
     * WebSocket origin check use the public base URL, which must name the port the browser connects to.
     */
    static void registerPortal(DynamicPropertyRegistry registry, String name) {
        int port = freePort();
        Path db = Path.of("target", "e2e", "db", name + "-" + UUID.randomUUID(), "livecheck").toAbsolutePath();
        registry.add("server.port", () -> port);
        registry.add("livecheck.public-base-url", () -> "http://localhost:" + port);
        registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + db + ";WRITE_DELAY=0");
        registry.add("livecheck.setup-code-file", () -> db.resolveSibling("setup-code").toString());
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> smtp().getSmtp().getPort());
    }

    static synchronized GreenMail smtp() {
        if (smtp == null) {
            smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
            smtp.start();
            Runtime.getRuntime().addShutdownHook(new Thread(smtp::stop));
        }
        return smtp;
    }

    static synchronized BusinessSite site() {
        if (site == null) {
            site = BusinessSite.start();
            Runtime.getRuntime().addShutdownHook(new Thread(site::stop));
        }
        return site;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The business's web site: any path answers a small page naming it, unless a journey {@link #serve put} a page
     * there (e.g. one embedding the capture page), and every visit is remembered. It runs on 127.0.0.1 while the
     * portal is reached as localhost, so the two are different sites to the browser, as a business and Livecheck are.
     */
    static final class BusinessSite {
        private final HttpServer server;
        private final List<String> visits = new CopyOnWriteArrayList<>();
        private final Map<String, String> pages = new ConcurrentHashMap<>();

        private BusinessSite(HttpServer server) {
            this.server = server;
        }

        static BusinessSite start() {
            try {
                HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
                BusinessSite site = new BusinessSite(server);
                server.createContext("/", exchange -> {
                    String path = exchange.getRequestURI().getPath();
                    site.visits.add(path);
                    byte[] page = site.pages.getOrDefault(path, "<!DOCTYPE html><html lang=\"en\"><head>"
                            + "<title>Example Shop</title></head><body><main><h1 id=\"shop-page\">Example Shop "
                            + path + "</h1></main></body></html>").getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
                    exchange.sendResponseHeaders(200, page.length);
                    exchange.getResponseBody().write(page);
                    exchange.close();
                });
                server.start();
                return site;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String url(String path) {
            return origin() + path;
        }

        /** The site's origin, as a browser names it in Origin headers and {@code event.origin}. */
        String origin() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        /** From now on {@code path} answers this page (the journey's own HTML, with its own scripts). */
        void serve(String path, String html) {
            pages.put(path, html);
        }

        List<String> visits() {
            return List.copyOf(visits);
        }

        void stop() {
            server.stop(0);
        }
    }
}
