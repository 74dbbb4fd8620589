package dev.livecheck.persistence.attempts;

import static dev.livecheck.persistence.support.Sql.ts;

import dev.livecheck.persistence.support.Sql;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;

class AttemptStatisticsImpl implements AttemptStatistics {
    private final JdbcClient jdbc;

    AttemptStatisticsImpl(NamedParameterJdbcOperations jdbc) {
        this.jdbc = JdbcClient.create(jdbc);
    }

    @Override
    public List<DailyPassRate> passRateByDay(UUID businessId, LocalDate from, LocalDate toInclusive, ZoneId zone,
                                             UUID profileId) {
        if (toInclusive.isBefore(from)) {
            throw new IllegalArgumentException("range ends before it starts");
        }
        TreeMap<LocalDate, long[]> days = new TreeMap<>();
        for (LocalDate d = from; !d.isAfter(toInclusive); d = d.plusDays(1)) {
            days.put(d, new long[3]);
        }
        jdbc.sql("""
                        SELECT a.recommendation, a.completed_at FROM attempt a
                        JOIN verification_session s ON s.id = a.session_id AND s.business_id = a.business_id
                        WHERE a.business_id = :businessId AND a.completed_at >= :from AND a.completed_at < :to
                        """ + profileCondition(profileId))
                .params(profileParam(profileId))
                .param("businessId", businessId)
                .param("from", ts(from.atStartOfDay(zone).toInstant()))
                .param("to", ts(toInclusive.plusDays(1).atStartOfDay(zone).toInstant()))
                .query(rs -> {
                    long[] c = days.get(Sql.instant(rs, "completed_at").atZone(zone).toLocalDate());
                    if (c == null) {
                        return;
                    }
                    String rec = rs.getString("recommendation");
                    c[2]++;
                    if (!"NOT_AVAILABLE".equals(rec)) {
                        c[1]++;
                    }
                    if ("APPROVE".equals(rec)) {
                        c[0]++;
                    }
                });
        List<DailyPassRate> result = new ArrayList<>(days.size());
        days.forEach((day, c) -> result.add(new DailyPassRate(day, c[0], c[1], c[2])));
        return result;
    }

    @Override
    public List<AttemptFact> attemptFacts(UUID businessId, Instant from, Instant to, UUID profileId) {
        return jdbc.sql("""
                        SELECT s.profile_id, a.attempt_number, a.recommendation, a.reason, a.duration_ms, a.completed_at
                        FROM attempt a
                        JOIN verification_session s ON s.id = a.session_id AND s.business_id = a.business_id
                        WHERE a.business_id = :businessId AND a.completed_at >= :from AND a.completed_at < :to
                        """ + profileCondition(profileId) + " ORDER BY a.completed_at, a.id")
                .params(profileParam(profileId))
                .param("businessId", businessId)
                .param("from", ts(from))
                .param("to", ts(to))
                .query((rs, i) -> new AttemptFact(rs.getObject("profile_id", UUID.class), rs.getInt("attempt_number"),
                        rs.getString("recommendation"), rs.getString("reason"), rs.getLong("duration_ms"),
                        Sql.instant(rs, "completed_at")))
                .list();
    }

    /** The profile filter: none, or the bound parameter (null is left out rather than typed, for PostgreSQL). */
    private static String profileCondition(UUID profileId) {
        return profileId == null ? "" : " AND s.profile_id = :profileId";
    }

    private static java.util.Map<String, Object> profileParam(UUID profileId) {
        return profileId == null ? java.util.Map.of() : java.util.Map.of("profileId", profileId);
    }
}
