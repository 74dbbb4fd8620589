package dev.livecheck.portal.api;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/** Writes API errors from servlet filters, where no message converter runs: the same JSON as the controllers'. */
final class ApiResponses {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ApiResponses() {
    }

    static void error(HttpServletResponse response, int status, ApiError error) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setHeader("Cache-Control", "no-store");
        response.getOutputStream().write(JSON.writeValueAsBytes(error));
    }
}
