package dev.livecheck.portal.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * The dashboard's filters, applied to every chart: a check profile ({@code null}: all) and a period of whole days,
 * {@code from} to {@code to} inclusive, cut in the portal's zone (UTC). Parsed in one place for the page and its JSON.
 */
record DashboardFilter(UUID profileId, LocalDate from, LocalDate to) {
    static final int DEFAULT_DAYS = 30;
    static final int MAX_DAYS = 365;

    /**
     * @param profile a profile id or blank; whether it is the business's own is the caller's to check
     * @param from    {@code yyyy-MM-dd} or blank ({@link #DEFAULT_DAYS} days up to {@code to})
     * @param to      {@code yyyy-MM-dd} or blank (today)
     * @throws ResponseStatusException 400 naming the parameter that is wrong
     */
    static DashboardFilter parse(String profile, String from, String to, LocalDate today) {
        UUID profileId = blank(profile) ? null : uuid(profile);
        LocalDate end = blank(to) ? today : date("to", to);
        LocalDate start = blank(from) ? end.minusDays(DEFAULT_DAYS - 1L) : date("from", from);
        if (end.isBefore(start)) {
            throw bad("from must not be after to");
        }
        if (ChronoUnit.DAYS.between(start, end) + 1 > MAX_DAYS) {
            throw bad("the period may be at most " + MAX_DAYS + " days");
        }
        return new DashboardFilter(profileId, start, end);
    }

    /** The last {@code days} days up to today, every profile (the pass-rate endpoint's older {@code days} form). */
    static DashboardFilter lastDays(int days, LocalDate today) {
        if (days < 1 || days > MAX_DAYS) {
            throw bad("days must be 1-" + MAX_DAYS);
        }
        return new DashboardFilter(null, today.minusDays(days - 1L), today);
    }

    Instant start(ZoneId zone) {
        return from.atStartOfDay(zone).toInstant();
    }

    Instant endExclusive(ZoneId zone) {
        return to.plusDays(1).atStartOfDay(zone).toInstant();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static UUID uuid(String value) {
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw bad("profile is not a profile id");
        }
    }

    private static LocalDate date(String name, String value) {
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw bad(name + " must be a date like 2026-03-02");
        }
    }

    private static ResponseStatusException bad(String reason) {
        return new ResponseStatusException(HttpStatus.BAD_REQUEST, reason);
    }
}
