package dev.livecheck.portal.capture;

import java.net.URI;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;

/**
 * {@code /ws/capture}. Origins: Spring's origin check admits the request's own host and the configured public base
 * URL and answers anything else with 403; a handshake without Origin (not a browser, so not a cross-site risk) still
 * needs the binding cookie.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
class CaptureWebSocketConfiguration implements WebSocketConfigurer {

    static final String PATH = "/ws/capture";

    private final CaptureSocketHandler handler;
    private final CaptureHandshakeInterceptor interceptor;
    private final String publicOrigin;

    CaptureWebSocketConfiguration(CaptureSocketHandler handler, CaptureHandshakeInterceptor interceptor,
                                  @Value("${livecheck.public-base-url}") String publicBaseUrl) {
        this.handler = handler;
        this.interceptor = interceptor;
        this.publicOrigin = originOf(publicBaseUrl);
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(handler, PATH).addInterceptors(interceptor).setAllowedOrigins(publicOrigin);
    }

    /** "https://id.example.com/base/" → "https://id.example.com" (an Origin has no path). */
    static String originOf(String url) {
        URI uri = URI.create(url.strip());
        if (uri.getScheme() == null || uri.getHost() == null) {
            throw new IllegalStateException("livecheck.public-base-url must be an absolute URL, was " + url);
        }
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
    }
}
