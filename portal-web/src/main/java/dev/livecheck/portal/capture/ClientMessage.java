package dev.livecheck.portal.capture;

import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The client's text messages: {@code {"type":"start"}} and {@code {"type":"cancel"}}; extra fields are ignored. */
enum ClientMessage {
    START, CANCEL;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Empty when the text is not JSON, not an object or names no known type. */
    static Optional<ClientMessage> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JacksonException e) {
            return Optional.empty();
        }
        JsonNode type = root == null ? null : root.get("type");
        if (type == null || !type.isString()) {
            return Optional.empty();
        }
        return switch (type.asString()) {
            case "start" -> Optional.of(START);
            case "cancel" -> Optional.of(CANCEL);
            default -> Optional.empty();
        };
    }
}
