package dev.livecheck.portal.reports;

import dev.livecheck.persistence.attempts.AttemptFact;
import dev.livecheck.persistence.attempts.Attempts;
import dev.livecheck.persistence.profiles.CheckProfile;
import dev.livecheck.persistence.profiles.CheckProfiles;
import dev.livecheck.persistence.sessions.VerificationSessions;
import dev.livecheck.portal.web.ReasonTexts;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.stereotype.Service;

/**
 * Why people fail, at a glance: for the business's attempts in the filter's period (and profile), the rejection
 * reasons (every attempt that was not approved, by its reason code, in plain words), the pass rate per check
 * profile, the median capture time per attempt number and, of the sessions completed in the period, how many
 * attempts each used. The page renders these as tables (screen readers) and its charts read them as JSON.
 */
@Service
class DashboardInsights {
    private final Attempts attempts;
    private final VerificationSessions sessions;
    private final CheckProfiles profiles;
    private final ReasonTexts reasons;

    DashboardInsights(Attempts attempts, VerificationSessions sessions, CheckProfiles profiles, ReasonTexts reasons) {
        this.attempts = attempts;
        this.sessions = sessions;
        this.profiles = profiles;
        this.reasons = reasons;
    }

    /** Attempts not approved, for one reason code; {@code label} is the reason in plain words. */
    record ReasonCount(String code, String label, long count) {
    }

    /** approved / decided (APPROVE or REJECT) of one profile's attempts; NOT_AVAILABLE counts in total only. */
    record ProfilePassRate(String profileId, String name, long approved, long decided, long total, double rate) {
    }

    /** The median capture time of the period's attempts with this number (1st, 2nd, ...). */
    record AttemptTime(int attempt, long medianMs, long attempts) {
    }

    /** How many of the period's completed sessions used this many attempts. */
    record AttemptsUsed(int attempts, long sessions) {
    }

    record Insights(String from, String to, String profileId, List<ReasonCount> reasons,
                    List<ProfilePassRate> passRateByProfile, List<AttemptTime> attemptTimes,
                    List<AttemptsUsed> attemptsUsed) {
    }

    Insights of(UUID businessId, DashboardFilter filter, ZoneId zone, Locale locale) {
        List<AttemptFact> facts = attempts.attemptFacts(businessId, filter.start(zone), filter.endExclusive(zone),
                filter.profileId());
        return new Insights(filter.from().toString(), filter.to().toString(),
                filter.profileId() == null ? null : filter.profileId().toString(),
                reasons(facts, locale), passRates(businessId, facts), attemptTimes(facts),
                sessions.completedByAttemptsUsed(businessId, filter.start(zone), filter.endExclusive(zone),
                                filter.profileId())
                        .entrySet().stream().map(e -> new AttemptsUsed(e.getKey(), e.getValue())).toList());
    }

    /** The business's profiles, archived ones too (their attempts remain), by name. */
    List<CheckProfile> profilesOf(UUID businessId) {
        return Stream.concat(profiles.findAllByBusinessIdAndArchivedOrderByName(businessId, false).stream(),
                        profiles.findAllByBusinessIdAndArchivedOrderByName(businessId, true).stream())
                .sorted(Comparator.comparing(CheckProfile::name, String.CASE_INSENSITIVE_ORDER))
                .toList();
    }

    private List<ReasonCount> reasons(List<AttemptFact> facts, Locale locale) {
        Map<String, Long> counts = facts.stream()
                .filter(f -> !"APPROVE".equals(f.recommendation()) && f.reason() != null && !f.reason().isBlank())
                .collect(Collectors.groupingBy(AttemptFact::reason, TreeMap::new, Collectors.counting()));
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .map(e -> new ReasonCount(e.getKey(), reasons.text(e.getKey(), locale), e.getValue()))
                .toList();
    }

    private List<ProfilePassRate> passRates(UUID businessId, List<AttemptFact> facts) {
        Map<UUID, long[]> byProfile = new HashMap<>();
        for (AttemptFact f : facts) {
            long[] c = byProfile.computeIfAbsent(f.profileId(), id -> new long[3]);
            c[2]++;
            if (!"NOT_AVAILABLE".equals(f.recommendation())) {
                c[1]++;
            }
            if ("APPROVE".equals(f.recommendation())) {
                c[0]++;
            }
        }
        List<ProfilePassRate> rows = new ArrayList<>();
        for (CheckProfile p : profilesOf(businessId)) {
            long[] c = byProfile.get(p.id());
            if (c != null) {
                rows.add(new ProfilePassRate(p.id().toString(), p.name(), c[0], c[1], c[2],
                        c[1] == 0 ? 0.0 : (double) c[0] / c[1]));
            }
        }
        return rows;
    }

    private static List<AttemptTime> attemptTimes(List<AttemptFact> facts) {
        Map<Integer, List<Long>> byNumber = facts.stream().collect(Collectors.groupingBy(AttemptFact::attemptNumber,
                TreeMap::new, Collectors.mapping(AttemptFact::durationMs, Collectors.toList())));
        return byNumber.entrySet().stream()
                .map(e -> new AttemptTime(e.getKey(), median(e.getValue()), e.getValue().size()))
                .toList();
    }

    /** The middle value (the mean of the two middle ones for an even count), whole milliseconds. */
    static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : Math.round((sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0);
    }
}
