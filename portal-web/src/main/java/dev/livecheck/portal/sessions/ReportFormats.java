package dev.livecheck.portal.sessions;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.stream.Collectors;

/** How reports print instants and measured values: UTC, marked as such; numbers to four significant digits. */
public final class ReportFormats {
    private static final DateTimeFormatter INSTANT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final MathContext FOUR_DIGITS = new MathContext(4);

    private ReportFormats() {
    }

    public static String instant(Instant instant) {
        return instant == null ? "" : INSTANT.format(instant);
    }

    /** A sub-check detail: doubles rounded (the engine's raw doubles carry noise digits), lists joined. */
    public static String detail(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                return Double.toString(d);
            }
            return new BigDecimal(d).round(FOUR_DIGITS).stripTrailingZeros().toPlainString();
        }
        if (value instanceof Collection<?> list) {
            return list.stream().map(ReportFormats::detail).collect(Collectors.joining(", "));
        }
        return value.toString();
    }
}
