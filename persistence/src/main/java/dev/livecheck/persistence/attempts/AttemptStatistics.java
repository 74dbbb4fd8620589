package dev.livecheck.persistence.attempts;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/** Fragment of {@link Attempts}: dashboard statistics. */
public interface AttemptStatistics {

    /**
     * Pass rate per calendar day in {@code zone}, from {@code from} to {@code toInclusive}; every day of the range is
     * present (zeros when there were no attempts). Days are cut in Java, so the result does not depend on the
     * database's time zone.
     */
    List<DailyPassRate> passRateByDay(UUID businessId, LocalDate from, LocalDate toInclusive, ZoneId zone);
}
