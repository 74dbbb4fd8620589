package dev.livecheck.portal.api;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads fields of a JSON tree and collects every problem with its JSON path ({@code a.b[0].c}) instead of stopping
 * at the first, so one 400 names all fields to correct. A JSON {@code null} counts as "not given". Readers return
 * null when the field is absent or wrong (the problem is then recorded).
 */
final class JsonFields {

    private final List<ApiError.FieldError> problems = new ArrayList<>();

    List<ApiError.FieldError> problems() {
        return List.copyOf(problems);
    }

    void reject(String path, String message) {
        problems.add(new ApiError.FieldError(path, message));
    }

    static String path(String parent, String key) {
        return parent.isEmpty() ? key : parent + "." + key;
    }

    static String path(String parent, int index) {
        return parent + "[" + index + "]";
    }

    static @Nullable JsonNode given(JsonNode object, String key) {
        JsonNode value = object.get(key);
        return value == null || value.isNull() ? null : value;
    }

    /** Rejects every key of {@code object} that is not in {@code known}, or names why it is refused. */
    void onlyKnownKeys(JsonNode object, String parent, Collection<String> known, Map<String, String> refused) {
        for (String key : object.propertyNames()) {
            if (refused.containsKey(key)) {
                reject(path(parent, key), refused.get(key));
            } else if (!known.contains(key)) {
                reject(path(parent, key), "is not a field of this object");
            }
        }
    }

    @Nullable JsonNode object(JsonNode parent, String key, String parentPath) {
        JsonNode value = given(parent, key);
        if (value != null && !value.isObject()) {
            reject(path(parentPath, key), "must be an object");
            return null;
        }
        return value;
    }

    @Nullable JsonNode array(JsonNode parent, String key, String parentPath) {
        JsonNode value = given(parent, key);
        if (value != null && !value.isArray()) {
            reject(path(parentPath, key), "must be an array");
            return null;
        }
        return value;
    }

    @Nullable String string(JsonNode parent, String key, String parentPath, int maxLength) {
        JsonNode value = given(parent, key);
        if (value == null) {
            return null;
        }
        if (!value.isString()) {
            reject(path(parentPath, key), "must be a string");
            return null;
        }
        String text = value.asString();
        if (text.length() > maxLength) {
            reject(path(parentPath, key), "must be at most " + maxLength + " characters");
            return null;
        }
        return text;
    }

    @Nullable Boolean bool(JsonNode parent, String key, String parentPath) {
        JsonNode value = given(parent, key);
        if (value == null) {
            return null;
        }
        if (!value.isBoolean()) {
            reject(path(parentPath, key), "must be true or false");
            return null;
        }
        return value.asBoolean();
    }

    /** An integer (no fraction, no quotes) within {@code [min, max]}; {@code unit} words the bounds. */
    @Nullable Integer integer(JsonNode parent, String key, String parentPath, int min, int max, String unit) {
        JsonNode value = given(parent, key);
        if (value == null) {
            return null;
        }
        String where = path(parentPath, key);
        if (!value.isIntegralNumber()) {
            reject(where, "must be an integer");
            return null;
        }
        if (!value.canConvertToInt() || value.asInt() < min || value.asInt() > max) {
            reject(where, "must be between " + min + " and " + max + unit);
            return null;
        }
        return value.asInt();
    }
}
