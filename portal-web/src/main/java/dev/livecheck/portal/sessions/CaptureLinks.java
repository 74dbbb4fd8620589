package dev.livecheck.portal.sessions;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Builds {@code {livecheck.public-base-url}/c/{token}}, the link a recipient opens. */
@Component
class CaptureLinks {
    private final String baseUrl;

    CaptureLinks(@Value("${livecheck.public-base-url:http://localhost:8080}") String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    String forToken(String rawToken) {
        return baseUrl + "/c/" + rawToken;
    }
}
