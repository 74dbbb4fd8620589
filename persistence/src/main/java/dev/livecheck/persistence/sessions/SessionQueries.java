package dev.livecheck.persistence.sessions;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;

/** Fragment of {@link VerificationSessions}: the sessions page and the dashboard counts. */
public interface SessionQueries {

    /** One page of the business's sessions; unsorted pageables are sorted by createdAt descending. */
    Page<VerificationSession> search(UUID businessId, SessionFilter filter, Pageable pageable);

    /** Sessions per state (every state present, 0 when none). */
    Map<SessionState, Long> countByState(UUID businessId);

    /** Sessions per latest recommendation (every value present); sessions without attempts are not counted. */
    Map<Recommendation, Long> countByLatestRecommendation(UUID businessId);

    /**
     * Sessions COMPLETED in {@code [from, to)} on {@code profileId} (null: every profile) by attempts used (key:
     * attempts used, ascending; only counts that occur). Sessions closed by abandons count with the attempts they used.
     */
    Map<Integer, Long> completedByAttemptsUsed(UUID businessId, Instant from, Instant to,
                                             @Nullable UUID profileId);

    /** GLOBAL lifecycle job: how long every profile of every business keeps its session records. */
    List<RecordRetention> findAllRecordRetentions();

    /** At most {@code limit} ids of the profile's sessions created before {@code cutoff}, oldest first. */
    List<UUID> findIdsCreatedBefore(UUID businessId, UUID profileId, Instant cutoff, int limit);
}
