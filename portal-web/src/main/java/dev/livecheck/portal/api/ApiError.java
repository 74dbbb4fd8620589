package dev.livecheck.portal.api;

import java.util.List;

/**
 * The JSON error body of every API answer other than 2xx, in the IDV API's shape: a stable {@code code}, a sentence,
 * and for invalid requests one entry per offending field ({@code property} is the JSON path, e.g.
 * {@code requested_checks[0].config.max_retries}).
 */
record ApiError(String code, String message, List<FieldError> errors) {

    record FieldError(String property, String message) {
    }

    static ApiError of(String code, String message) {
        return new ApiError(code, message, List.of());
    }
}
