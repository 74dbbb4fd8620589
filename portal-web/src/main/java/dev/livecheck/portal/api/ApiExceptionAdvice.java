package dev.livecheck.portal.api;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Turns every exception of the session API's JSON controllers into the {@link ApiError} body. Limited to those
 * controllers by type, so neither the portal's pages nor the end user's web entry page ever answer JSON errors.
 */
@RestControllerAdvice(assignableTypes = {SessionApiController.class, SessionMediaController.class,
        SessionReportApiController.class})
class ApiExceptionAdvice {

    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiError> handle(Exception e) {
        return ApiErrors.answer(e);
    }
}
