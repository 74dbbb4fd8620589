package dev.livecheck.persistence.sessions;

import dev.livecheck.persistence.support.Sql;
import java.time.Instant;
import java.util.EnumMap;
import java.util.TreeMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jdbc.core.JdbcAggregateOperations;
import org.springframework.data.relational.core.query.Criteria;
import org.springframework.data.relational.core.query.Query;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;

class SessionQueriesImpl implements SessionQueries {
    private final JdbcAggregateOperations template;
    private final JdbcClient jdbc;

    SessionQueriesImpl(JdbcAggregateOperations template, NamedParameterJdbcOperations jdbc) {
        this.template = template;
        this.jdbc = JdbcClient.create(jdbc);
    }

    @Override
    public Page<VerificationSession> search(UUID businessId, SessionFilter filter, Pageable pageable) {
        Criteria criteria = Criteria.where("businessId").is(businessId);
        if (filter.state() != null) {
            criteria = criteria.and("state").is(filter.state());
        }
        if (filter.latestRecommendation() != null) {
            criteria = criteria.and("latestRecommendation").is(filter.latestRecommendation());
        }
        if (filter.createdFrom() != null) {
            criteria = criteria.and("createdAt").greaterThanOrEquals(filter.createdFrom());
        }
        if (filter.createdTo() != null) {
            criteria = criteria.and("createdAt").lessThan(filter.createdTo());
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            String pattern = Sql.containsPattern(filter.text().strip());
            criteria = criteria.and(Criteria.where("recipientName").like(pattern).ignoreCase(true)
                    .or(Criteria.where("recipientEmail").like(pattern).ignoreCase(true))
                    .or(Criteria.where("trackingId").like(pattern).ignoreCase(true)));
        }
        Pageable sorted = pageable.getSort().isSorted() || pageable.isUnpaged() ? pageable
                : PageRequest.of(pageable.getPageNumber(), pageable.getPageSize(),
                        Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id")));
        return template.findAll(Query.query(criteria), VerificationSession.class, sorted);
    }

    @Override
    public Map<SessionState, Long> countByState(UUID businessId) {
        Map<SessionState, Long> counts = new EnumMap<>(SessionState.class);
        for (SessionState s : SessionState.values()) {
            counts.put(s, 0L);
        }
        jdbc.sql("SELECT state, COUNT(*) AS n FROM verification_session WHERE business_id = ? GROUP BY state")
                .param(businessId)
                .query(rs -> {
                    counts.put(SessionState.valueOf(rs.getString("state")), rs.getLong("n"));
                });
        return counts;
    }

    @Override
    public Map<Recommendation, Long> countByLatestRecommendation(UUID businessId) {
        Map<Recommendation, Long> counts = new EnumMap<>(Recommendation.class);
        for (Recommendation r : Recommendation.values()) {
            counts.put(r, 0L);
        }
        jdbc.sql("""
                        SELECT latest_recommendation, COUNT(*) AS n FROM verification_session
                        WHERE business_id = ? AND latest_recommendation IS NOT NULL GROUP BY latest_recommendation""")
                .param(businessId)
                .query(rs -> {
                    counts.put(Recommendation.valueOf(rs.getString("latest_recommendation")), rs.getLong("n"));
                });
        return counts;
    }

    @Override
    public Map<Integer, Long> completedByAttemptsUsed(UUID businessId, Instant from, Instant to, UUID profileId) {
        Map<Integer, Long> counts = new TreeMap<>();
        jdbc.sql("""
                        SELECT attempts_used, COUNT(*) AS n FROM verification_session
                        WHERE business_id = :businessId AND state = 'COMPLETED'
                          AND completed_at >= :from AND completed_at < :to"""
                        + (profileId == null ? "" : " AND profile_id = :profileId")
                        + " GROUP BY attempts_used")
                .paramSource(profileId == null
                        ? Map.of("businessId", businessId, "from", Sql.ts(from), "to", Sql.ts(to))
                        : Map.of("businessId", businessId, "from", Sql.ts(from), "to", Sql.ts(to),
                                "profileId", profileId))
                .query(rs -> {
                    counts.put(rs.getInt("attempts_used"), rs.getLong("n"));
                });
        return counts;
    }

    @Override
    public List<RecordRetention> findAllRecordRetentions() {
        return jdbc.sql("SELECT business_id, id, record_retention_days FROM check_profile ORDER BY business_id, id")
                .query((rs, n) -> new RecordRetention(rs.getObject("business_id", UUID.class),
                        rs.getObject("id", UUID.class), rs.getInt("record_retention_days")))
                .list();
    }

    @Override
    public List<UUID> findIdsCreatedBefore(UUID businessId, UUID profileId, Instant cutoff, int limit) {
        return jdbc.sql("""
                        SELECT id FROM verification_session
                        WHERE business_id = :businessId AND profile_id = :profileId AND created_at < :cutoff
                        ORDER BY created_at FETCH FIRST :limit ROWS ONLY""")
                .param("businessId", businessId).param("profileId", profileId)
                .param("cutoff", java.sql.Timestamp.from(cutoff)).param("limit", limit)
                .query(UUID.class).list();
    }
}
