package dev.livecheck.portal.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * The API's errors for requests that reached none of its controllers, which a controller advice never sees: an
 * unknown path (404), a known path with another method (405) or body type (415). Spring raises these while looking
 * for a handler; left alone, they would end on the portal's error page. Only signed API paths are answered here,
 * never the end user's web entry page; exceptions of the API's own controllers are {@link ApiExceptionAdvice}'s.
 */
@Component
class ApiFallbackErrors implements HandlerExceptionResolver, Ordered {

    @Override
    public @Nullable ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
                                         Exception e) {
        if (handler instanceof HandlerMethod || !ApiAuthenticationFilter.isSignedApiPath(request)) {
            return null;
        }
        ResponseEntity<ApiError> answer = ApiErrors.answer(e);
        try {
            answer.getHeaders().forEach((name, values) -> values.forEach(v -> response.addHeader(name, v)));
            ApiResponses.error(response, answer.getStatusCode().value(), answer.getBody());
        } catch (IOException io) {
            throw new UncheckedIOException(io);
        }
        return new ModelAndView();
    }

    /** Before Spring's own resolvers, which would send these to the portal's error page. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }
}
