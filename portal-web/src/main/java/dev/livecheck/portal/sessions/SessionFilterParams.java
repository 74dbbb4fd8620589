package dev.livecheck.portal.sessions;

import dev.livecheck.persistence.sessions.Recommendation;
import dev.livecheck.persistence.sessions.SessionFilter;
import dev.livecheck.persistence.sessions.SessionState;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.util.UriUtils;

/**
 * The session list's filters as request parameters, bound the same way by the list ({@code /sessions}) and the CSV
 * export ({@code /sessions/export.csv}), so the list's "Export CSV" link holds exactly the sessions listed:
 * {@code state}, {@code recommendation}, {@code q} (name, e-mail or tracking id contains), {@code from} and {@code to}
 * (ISO dates, both inclusive, whole days in the portal clock's zone). Empty parameters mean no filter.
 */
public record SessionFilterParams(SessionState state, Recommendation recommendation, String q,
                                  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {

    /** The search text without surrounding blanks, or null for none. */
    public String text() {
        return q == null || q.isBlank() ? null : q.strip();
    }

    /** Dates are whole days in {@code zone}; the filter's upper bound is exclusive, hence the day after {@code to}. */
    public SessionFilter toFilter(ZoneId zone) {
        return new SessionFilter(state, recommendation, text(),
                from == null ? null : from.atStartOfDay(zone).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant());
    }

    /** The filters as URL-encoded parameters, each followed by "&" ("" for none), for the pager and the export link. */
    public String query() {
        StringBuilder query = new StringBuilder();
        if (state != null) {
            query.append("state=").append(state).append('&');
        }
        if (recommendation != null) {
            query.append("recommendation=").append(recommendation).append('&');
        }
        if (text() != null) {
            query.append("q=").append(UriUtils.encodeQueryParam(text(), "UTF-8")).append('&');
        }
        if (from != null) {
            query.append("from=").append(from).append('&');
        }
        if (to != null) {
            query.append("to=").append(to).append('&');
        }
        return query.toString();
    }

    /**
     * For the audit log: which filters an export used. The search text is personal data (a name, an e-mail, a
     * tracking id) that the audit log would keep long after the sessions are deleted, so only whether there was one.
     */
    public String describe() {
        return "state=" + orEmpty(state) + " recommendation=" + orEmpty(recommendation) + " text search="
                + (text() == null ? "no" : "yes") + " from=" + orEmpty(from) + " to=" + orEmpty(to);
    }

    private static String orEmpty(Object value) {
        return value == null ? "" : value.toString();
    }
}
