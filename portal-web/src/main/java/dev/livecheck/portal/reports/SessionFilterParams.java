package dev.livecheck.portal.reports;

import dev.livecheck.persistence.sessions.Recommendation;
import dev.livecheck.persistence.sessions.SessionFilter;
import dev.livecheck.persistence.sessions.SessionState;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The session list's filters as request parameters: {@code state}, {@code recommendation}, {@code q} (name, e-mail or
 * tracking id contains), {@code from} and {@code to} (ISO dates, both inclusive). Empty parameters mean no filter.
 */
record SessionFilterParams(SessionState state, Recommendation recommendation, String q,
                           @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                           @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {

    /** Dates are whole days in {@code zone}; the filter's upper bound is exclusive, hence the day after {@code to}. */
    SessionFilter toFilter(ZoneId zone) {
        return new SessionFilter(state, recommendation, q == null || q.isBlank() ? null : q.strip(),
                from == null ? null : from.atStartOfDay(zone).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant());
    }

    /**
     * For the audit log: which filters an export used. The search text is personal data (a name, an e-mail, a
     * tracking id) that the audit log would keep long after the sessions are deleted, so only whether there was one.
     */
    String describe() {
        return "state=" + orEmpty(state) + " recommendation=" + orEmpty(recommendation) + " text search="
                + (q == null || q.isBlank() ? "no" : "yes") + " from=" + orEmpty(from) + " to=" + orEmpty(to);
    }

    private static String orEmpty(Object value) {
        return value == null ? "" : value.toString();
    }
}
