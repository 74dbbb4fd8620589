package dev.livecheck.portal.loadtest;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;

/**
 * How an opened capture page binds its socket: from the page's response (status, headers, HTML) to where and with
 * which headers the capture WebSocket is opened. {@link #captureCookie()} is the emailed link's binding
 * ({@code /c/{token}} sets the {@code livecheck_capture} cookie); another kind of page (e.g. a ticket in the HTML of an
 * API session's page) plugs in its own.
 */
@FunctionalInterface
public interface SocketBinding {

    /** Where to connect and the handshake headers (cookie, Origin, ...). */
    record ConnectParams(URI socket, Map<String, String> headers) {
        public ConnectParams {
            headers = Map.copyOf(headers);
        }
    }

    /** Reads the opened page (status 200) and says how to connect; throws if the page carries no binding. */
    ConnectParams bind(URI page, HttpResponse<String> response);

    /**
     * The capture link's binding: the {@code livecheck_capture} cookie (set by {@code /c/{token}}'s 303 and sent for
     * the token-free page, see {@link #openPage}), the page's own origin, {@code /ws/capture}.
     */
    static SocketBinding captureCookie() {
        return (page, response) -> {
            String cookie = response.request().headers().allValues("Cookie").stream()
                    .filter(h -> h.startsWith("livecheck_capture="))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("the page was opened without a livecheck_capture cookie"));
            return new ConnectParams(socketUri(page, "/ws/capture"), Map.of("Cookie", cookie, "Origin", origin(page)));
        };
    }

    /**
     * The web entry's binding ({@code /idverify/v1/web/index.html?sessionID&sessionToken}, also carried by every
     * capture page): the page's {@code data-ticket}, sent as {@code /ws/capture?ticket=}, no cookie.
     */
    static SocketBinding pageTicket() {
        return (page, response) -> {
            java.util.regex.Matcher ticket = java.util.regex.Pattern.compile("data-ticket=\"([A-Za-z0-9_-]+)\"")
                    .matcher(response.body());
            if (!ticket.find()) {
                throw new IllegalStateException("the page carries no data-ticket");
            }
            return new ConnectParams(socketUri(page, "/ws/capture?ticket=" + ticket.group(1)),
                    Map.of("Origin", origin(page)));
        };
    }

    /** What a browser does: the page's ticket when it carries one (every page now does), else the cookie. */
    static SocketBinding asTheBrowserDoes() {
        SocketBinding ticket = pageTicket();
        SocketBinding cookie = captureCookie();
        return (page, response) -> response.body().contains("data-ticket=\"")
                ? ticket.bind(page, response) : cookie.bind(page, response);
    }

    /**
     * GETs a capture link as a browser does: an e-mailed link answers 303 to the token-free page with the binding
     * cookie, which is followed once with that cookie; any other answer (the web entry's page, 404, 410) is returned.
     */
    static HttpResponse<String> openPage(java.net.http.HttpClient http, URI link)
            throws java.io.IOException, InterruptedException {
        HttpResponse<String> first = http.send(java.net.http.HttpRequest.newBuilder(link)
                .timeout(java.time.Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (first.statusCode() != 303) {
            return first;
        }
        String cookie = first.headers().allValues("Set-Cookie").stream()
                .filter(h -> h.startsWith("livecheck_capture=") && (h.contains("Path=/c;") || h.endsWith("Path=/c")))
                .map(h -> h.substring(0, h.indexOf(';')))
                .findFirst().orElseThrow(() -> new IllegalStateException("the link set no livecheck_capture cookie"));
        URI page = link.resolve(first.headers().firstValue("Location").orElseThrow());
        return http.send(java.net.http.HttpRequest.newBuilder(page).timeout(java.time.Duration.ofSeconds(30))
                .header("Cookie", cookie).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** {@code ws(s)://host:port/path} on the page's host. */
    static URI socketUri(URI page, String path) {
        String scheme = "https".equals(page.getScheme()) ? "wss" : "ws";
        return URI.create(scheme + "://" + page.getRawAuthority() + path);
    }

    /** The page's origin, as a browser would send it. */
    static String origin(URI page) {
        return page.getScheme() + "://" + page.getRawAuthority();
    }
}
