package dev.livecheck.persistence.attempts;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Fragment of {@link Attempts}: dashboard statistics. */
public interface AttemptStatistics {

    /**
     * Pass rate per calendar day in {@code zone}, from {@code from} to {@code toInclusive}; every day of the range is
     * present (zeros when there were no attempts). Days are cut in Java, so the result does not depend on the
     * database's time zone.
     */
    default List<DailyPassRate> passRateByDay(UUID businessId, LocalDate from, LocalDate toInclusive, ZoneId zone) {
        return passRateByDay(businessId, from, toInclusive, zone, null);
    }

    /** As {@link #passRateByDay(UUID, LocalDate, LocalDate, ZoneId)}, only sessions of {@code profileId} (null: all). */
    List<DailyPassRate> passRateByDay(UUID businessId, LocalDate from, LocalDate toInclusive, ZoneId zone,
                                      @Nullable UUID profileId);

    /**
     * The attempts completed in {@code [from, to)} of the business's sessions on {@code profileId} (null: every
     * profile), oldest first. Aggregated in Java by the caller, like the pass rate, so nothing depends on the
     * database's median or time-zone functions.
     */
    List<AttemptFact> attemptFacts(UUID businessId, Instant from, Instant to, @Nullable UUID profileId);
}
