package dev.livecheck.portal.api;

import java.util.UUID;
import java.util.function.Supplier;

/** Path ids: anything that is not a UUID is simply not found (404), like another business's id. */
final class ApiIds {

    private ApiIds() {
    }

    static UUID parse(String id, Supplier<ApiException> notFound) {
        if (id == null || id.length() != 36) {
            throw notFound.get();
        }
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw notFound.get();
        }
    }
}
