package dev.livecheck.persistence.sessions;

import java.time.Instant;

/**
 * Filters of the sessions page; every field may be null (no filter). {@code text} matches recipient name, e-mail or
 * tracking id (contains, case-insensitive); {@code createdFrom} is inclusive, {@code createdTo} exclusive.
 */
public record SessionFilter(SessionState state, Recommendation latestRecommendation, String text,
                            Instant createdFrom, Instant createdTo) {

    public static SessionFilter none() {
        return new SessionFilter(null, null, null, null, null);
    }
}
