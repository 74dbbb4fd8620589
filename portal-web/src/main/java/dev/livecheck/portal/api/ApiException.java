package dev.livecheck.portal.api;

import java.util.List;
import org.springframework.http.HttpStatus;

/** An answer other than 2xx that a controller of the session API decided on; {@link ApiErrors} writes it. */
final class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final transient ApiError error;

    ApiException(HttpStatus status, ApiError error) {
        super(error.code() + ": " + error.message(), null, false, false);
        this.status = status;
        this.error = error;
    }

    HttpStatus status() {
        return status;
    }

    ApiError error() {
        return error;
    }

    /** 400 naming each offending field by its JSON path. */
    static ApiException invalid(List<ApiError.FieldError> errors) {
        return new ApiException(HttpStatus.BAD_REQUEST, new ApiError(ApiErrors.INVALID_REQUEST,
                "The request is invalid: " + errors.size() + (errors.size() == 1 ? " field" : " fields")
                        + " to correct, see errors.", List.copyOf(errors)));
    }

    /** 400 for a body that is not JSON at all (empty, truncated, malformed). */
    static ApiException malformed(String why) {
        return new ApiException(HttpStatus.BAD_REQUEST, ApiError.of(ApiErrors.MALFORMED_JSON,
                "The body is not valid JSON: " + why));
    }

    /** 404 alike for unknown, foreign and malformed ids, so an id of another business is indistinguishable. */
    static ApiException sessionNotFound() {
        return new ApiException(HttpStatus.NOT_FOUND, ApiError.of(ApiErrors.SESSION_NOT_FOUND,
                "No session with this id."));
    }

    static ApiException mediaNotFound() {
        return new ApiException(HttpStatus.NOT_FOUND, ApiError.of(ApiErrors.MEDIA_NOT_FOUND,
                "No media with this id in this session, or its content was deleted (resources_ttl, retention or a "
                        + "delete)."));
    }
}
