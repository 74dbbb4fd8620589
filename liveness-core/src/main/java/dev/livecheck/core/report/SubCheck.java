package dev.livecheck.core.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One sub-check's verdict with the numbers behind it.
 *
 * @param name {@code challenge_response}, {@code structure_3d}, {@code continuity}, {@code presentation} or {@code quality}
 * @param reason a machine-readable code when the outcome is not PASS, else null
 * @param details measured values (numbers, strings, booleans or lists of them), in insertion order
 */
public record SubCheck(String name, CheckOutcome outcome, @Nullable String reason, Map<String, Object> details) {

    public SubCheck {
        details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    public static SubCheck pass(String name, Map<String, Object> details) {
        return new SubCheck(name, CheckOutcome.PASS, null, details);
    }

    public static SubCheck fail(String name, String reason, Map<String, Object> details) {
        return new SubCheck(name, CheckOutcome.FAIL, reason, details);
    }

    public static SubCheck inconclusive(String name, String reason, Map<String, Object> details) {
        return new SubCheck(name, CheckOutcome.INCONCLUSIVE, reason, details);
    }

    public boolean passed() {
        return outcome == CheckOutcome.PASS;
    }
}
