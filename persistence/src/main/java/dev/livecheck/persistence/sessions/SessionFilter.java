package dev.livecheck.persistence.sessions;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Filters of the sessions page; every field may be null (no filter). {@code text} matches recipient name, e-mail or
 * tracking id (contains, case-insensitive); {@code createdFrom} is inclusive, {@code createdTo} exclusive.
 */
public record SessionFilter(@Nullable SessionState state, @Nullable Recommendation latestRecommendation,
                            @Nullable String text, @Nullable Instant createdFrom, @Nullable Instant createdTo) {

    public static SessionFilter none() {
        return new SessionFilter(null, null, null, null, null);
    }
}
