package dev.livecheck.persistence.attempts;

import static dev.livecheck.persistence.support.Sql.ts;

import dev.livecheck.persistence.support.Sql;
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
    public List<DailyPassRate> passRateByDay(UUID businessId, LocalDate from, LocalDate toInclusive, ZoneId zone) {
        if (toInclusive.isBefore(from)) {
            throw new IllegalArgumentException("range ends before it starts");
        }
        TreeMap<LocalDate, long[]> days = new TreeMap<>();
        for (LocalDate d = from; !d.isAfter(toInclusive); d = d.plusDays(1)) {
            days.put(d, new long[3]);
        }
        jdbc.sql("""
                        SELECT recommendation, completed_at FROM attempt
                        WHERE business_id = :businessId AND completed_at >= :from AND completed_at < :to""")
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
}
