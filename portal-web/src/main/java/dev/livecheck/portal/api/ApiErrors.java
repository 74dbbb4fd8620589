package dev.livecheck.portal.api;

import dev.livecheck.portal.sessions.report.ReportBusyException;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every error of the session API as its JSON body ({@link ApiError}) and status, in one place: the controllers'
 * advice ({@link ApiExceptionAdvice}) and the resolver for requests that reached no API controller
 * ({@link ApiFallbackErrors}) both answer through {@link #answer}. The codes are listed in docs/api.md.
 */
final class ApiErrors {

    static final String UNAUTHORIZED = "UNAUTHORIZED";
    static final String PAYLOAD_TOO_LARGE = "PAYLOAD_TOO_LARGE";
    static final String TOO_MANY_REQUESTS = "TOO_MANY_REQUESTS";
    static final String INVALID_REQUEST = "INVALID_REQUEST";
    static final String MALFORMED_JSON = "MALFORMED_JSON";
    static final String SESSION_NOT_FOUND = "SESSION_NOT_FOUND";
    static final String MEDIA_NOT_FOUND = "MEDIA_NOT_FOUND";
    static final String NOT_FOUND = "NOT_FOUND";
    static final String METHOD_NOT_ALLOWED = "METHOD_NOT_ALLOWED";
    static final String NOT_ACCEPTABLE = "NOT_ACCEPTABLE";
    static final String UNSUPPORTED_MEDIA_TYPE = "UNSUPPORTED_MEDIA_TYPE";
    static final String PROFILE_UNAVAILABLE = "PROFILE_UNAVAILABLE";
    static final String INTERNAL_ERROR = "INTERNAL_ERROR";
    /** Every report render slot is taken (sessions.report.RenderSlots): retry after Retry-After seconds. */
    static final String SERVICE_BUSY = "SERVICE_BUSY";

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    private ApiErrors() {
    }

    /** The answer to {@code e}: never a stack trace or an exception message the caller did not cause. */
    static ResponseEntity<ApiError> answer(Exception e) {
        if (e instanceof ApiException api) {
            return json(api.status(), api.error(), new HttpHeaders());
        }
        if (e instanceof ReportBusyException) {
            HttpHeaders headers = new HttpHeaders();
            headers.set(HttpHeaders.RETRY_AFTER, Integer.toString(ReportBusyException.RETRY_AFTER_SECONDS));
            return json(HttpStatus.SERVICE_UNAVAILABLE, ApiError.of(SERVICE_BUSY, "Too many reports are being "
                    + "rendered right now; retry after " + ReportBusyException.RETRY_AFTER_SECONDS + " seconds."), headers);
        }
        if (e instanceof NoResourceFoundException || e instanceof NoHandlerFoundException) {
            return json(HttpStatus.NOT_FOUND, ApiError.of(NOT_FOUND, "No such endpoint of the session API."),
                    new HttpHeaders());
        }
        if (e instanceof HttpRequestMethodNotSupportedException method) {
            HttpHeaders headers = new HttpHeaders();
            String allowed = method.getSupportedHttpMethods() == null ? ""
                    : method.getSupportedHttpMethods().stream().map(Object::toString).collect(Collectors.joining(", "));
            headers.set(HttpHeaders.ALLOW, allowed);
            return json(HttpStatus.METHOD_NOT_ALLOWED, ApiError.of(METHOD_NOT_ALLOWED, method.getMethod()
                    + " is not allowed here; allowed: " + allowed + "."), headers);
        }
        if (e instanceof HttpMediaTypeNotSupportedException) {
            return json(HttpStatus.UNSUPPORTED_MEDIA_TYPE, ApiError.of(UNSUPPORTED_MEDIA_TYPE,
                    "Send the request body as application/json."), new HttpHeaders());
        }
        if (e instanceof HttpMediaTypeNotAcceptableException) {
            return json(HttpStatus.NOT_ACCEPTABLE, ApiError.of(NOT_ACCEPTABLE,
                    "This endpoint answers application/json; accept it (or */*)."), new HttpHeaders());
        }
        if (e instanceof ErrorResponse framework && framework.getStatusCode().is4xxClientError()) {
            HttpStatus status = HttpStatus.valueOf(framework.getStatusCode().value());
            return json(status, ApiError.of(status.name(), status.getReasonPhrase() + "."), new HttpHeaders());
        }
        log.error("Session API request failed", e);
        return json(HttpStatus.INTERNAL_SERVER_ERROR, ApiError.of(INTERNAL_ERROR,
                "The request failed on the server; it was logged. Try again later."), new HttpHeaders());
    }

    /** Errors are JSON whatever the request accepted, and never cached. */
    private static ResponseEntity<ApiError> json(HttpStatus status, ApiError error, HttpHeaders headers) {
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setCacheControl("no-store");
        return new ResponseEntity<>(error, headers, status);
    }
}
