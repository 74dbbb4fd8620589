package dev.livecheck.core.report;

import dev.livecheck.core.attempt.Challenge;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON form of a {@link LivenessReport}, with the snake_case keys
 * integrators see ({@code liveness_auth}, {@code sub_checks}, ...).
 * Written by hand rather than by annotations so the wire format cannot drift
 * when a record component is renamed.
 */
public final class ReportJson {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private ReportJson() {
    }

    /**
     * @param includeImages true: each image carries its JPEG as base64 under {@code jpeg};
     *                      false: only role and timestamp, to keep listings small
     */
    public static String toJson(LivenessReport report, boolean includeImages) {
        return JSON.writeValueAsString(toTree(report, includeImages));
    }

    public static ObjectNode toTree(LivenessReport report, boolean includeImages) {
        ObjectNode root = JSON.createObjectNode();
        root.put("recommendation", report.recommendation().name());
        root.put("liveness_auth", report.livenessAuth().name());
        root.put("reason", report.reason());
        ArrayNode challenges = root.putArray("challenges");
        report.challenges().forEach(c -> challenges.add(c.name()));
        root.set("sub_checks", subChecksTree(report.subChecks()));
        ArrayNode images = root.putArray("images");
        for (AttemptImage image : report.images()) {
            ObjectNode node = images.addObject()
                    .put("role", image.role().name())
                    .put("timestamp_millis", image.timestampMillis());
            if (includeImages) {
                node.put("jpeg", Base64.getEncoder().encodeToString(image.jpeg()));
            }
        }
        root.put("frames", report.frames());
        root.put("analyzed_frames", report.analyzedFrames());
        root.put("duration_millis", report.durationMillis());
        root.put("decision_millis", report.decisionMillis());
        return root;
    }

    /**
     * One line of {@code liveness-cli evaluate}: {@code recording}, {@code recommendation}, {@code liveness_auth},
     * {@code reason}, {@code millis} (the core's time), and with {@code details} the {@code sub_checks}. The portal's
     * evidence bundle writes stored attempts in this shape too, so the same tooling reads both.
     */
    public static ObjectNode evaluateLine(String recording, LivenessReport report, long millis, boolean details) {
        ObjectNode line = evaluateLine(recording, report.recommendation(), report.livenessAuth(), report.reason(), millis);
        if (details) {
            line.set("sub_checks", subChecksTree(report.subChecks()));
        }
        return line;
    }

    /** An {@link #evaluateLine} without a report (a recording that could not be judged). */
    public static ObjectNode evaluateLine(String recording, Recommendation recommendation, LivenessAuth auth,
                                          String reason, long millis) {
        return JSON.createObjectNode()
                .put("recording", recording)
                .put("recommendation", recommendation.name())
                .put("liveness_auth", auth.name())
                .put("reason", reason)
                .put("millis", millis);
    }

    public static ArrayNode subChecksTree(List<SubCheck> subChecks) {
        ArrayNode array = JSON.createArrayNode();
        for (SubCheck check : subChecks) {
            ObjectNode node = array.addObject()
                    .put("name", check.name())
                    .put("outcome", check.outcome().name())
                    .put("reason", check.reason());
            node.set("details", JSON.valueToTree(check.details()));
        }
        return array;
    }

    /**
     * Reads what {@link #toJson} wrote. Images written without their JPEG come
     * back with empty bytes; numbers in details come back as Integer, Long or
     * Double depending on their size and form.
     *
     * @throws IllegalArgumentException if the text is not such a report; the message names the key
     */
    public static LivenessReport fromJson(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("report is not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("report must be a JSON object");
        }
        return new LivenessReport(
                enumValue(Recommendation.class, root, "recommendation"),
                nullableText(root, "reason"),
                challenges(array(root, "challenges")),
                subChecks(array(root, "sub_checks")),
                images(array(root, "images")),
                (int) number(root, "frames"),
                (int) number(root, "analyzed_frames"),
                number(root, "duration_millis"),
                number(root, "decision_millis"));
    }

    private static List<Challenge> challenges(JsonNode array) {
        List<Challenge> result = new ArrayList<>();
        for (JsonNode c : array) {
            result.add(parseEnum(Challenge.class, c, "challenges"));
        }
        return result;
    }

    private static List<SubCheck> subChecks(JsonNode array) {
        List<SubCheck> result = new ArrayList<>();
        for (JsonNode node : array) {
            JsonNode details = node.get("details");
            Map<String, Object> map = details == null || details.isNull()
                    ? Map.of()
                    : JSON.treeToValue(details, LinkedHashMap.class);
            result.add(new SubCheck(text(node, "name"), enumValue(CheckOutcome.class, node, "outcome"),
                    nullableText(node, "reason"), map));
        }
        return result;
    }

    private static List<AttemptImage> images(JsonNode array) {
        List<AttemptImage> result = new ArrayList<>();
        for (JsonNode node : array) {
            String jpeg = nullableText(node, "jpeg");
            byte[] bytes;
            try {
                bytes = jpeg == null ? new byte[0] : Base64.getDecoder().decode(jpeg);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("key 'images[].jpeg' is not base64", e);
            }
            result.add(new AttemptImage(enumValue(AttemptImage.Role.class, node, "role"),
                    number(node, "timestamp_millis"), bytes));
        }
        return result;
    }

    private static JsonNode array(JsonNode parent, String key) {
        JsonNode node = parent.get(key);
        if (node == null || !node.isArray()) {
            throw new IllegalArgumentException("key '" + key + "' must be an array");
        }
        return node;
    }

    private static long number(JsonNode parent, String key) {
        JsonNode node = parent.get(key);
        if (node == null || !node.isIntegralNumber()) {
            throw new IllegalArgumentException("key '" + key + "' must be an integer");
        }
        return node.asLong();
    }

    private static String text(JsonNode parent, String key) {
        String value = nullableText(parent, key);
        if (value == null) {
            throw new IllegalArgumentException("key '" + key + "' must be a string");
        }
        return value;
    }

    private static @Nullable String nullableText(JsonNode parent, String key) {
        JsonNode node = parent.get(key);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isString()) {
            throw new IllegalArgumentException("key '" + key + "' must be a string or null");
        }
        return node.asString();
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, JsonNode parent, String key) {
        return parseEnum(type, parent.get(key), key);
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, JsonNode node, String key) {
        try {
            return Enum.valueOf(type, node != null && node.isString() ? node.asString() : "");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("key '" + key + "' has an unknown value " + node, e);
        }
    }
}
