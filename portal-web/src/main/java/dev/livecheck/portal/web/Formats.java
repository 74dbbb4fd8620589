package dev.livecheck.portal.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Component;

/** Display formats for templates ({@code ${@fmt.instant(x)}}); instants are shown in UTC, marked as such. */
@Component("fmt")
public class Formats {
    private static final DateTimeFormatter INSTANT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    public String instant(Instant instant) {
        return instant == null ? "" : INSTANT.format(instant);
    }
}
