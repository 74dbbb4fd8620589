package dev.livecheck.core.accuracy;

import dev.livecheck.core.accuracy.CorpusEvaluation.Outcome;
import dev.livecheck.core.report.Recommendation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * ISO/IEC 30107-3 figures for a judged corpus. APCER of a species: the share
 * of its attack presentations that were approved. BPCER: the share of bona
 * fide presentations that were not approved (a NOT_AVAILABLE counts as an
 * error here: the person was turned away).
 */
public final class AccuracyTable {

    /** Counts for one species. */
    public record Row(String species, int total, int approved, int rejected, int notAvailable, Map<String, Long> reasons) {

        /** APCER for an attack species, BPCER for BONA_FIDE. */
        public double errorRate() {
            return species.equals("BONA_FIDE") ? (double) (total - approved) / total : (double) approved / total;
        }
    }

    private final List<Row> rows;

    public AccuracyTable(List<Outcome> outcomes) {
        Map<String, List<Outcome>> bySpecies = outcomes.stream()
                .collect(Collectors.groupingBy(Outcome::species, TreeMap::new, Collectors.toList()));
        rows = new ArrayList<>();
        bySpecies.forEach((species, list) -> rows.add(row(species, list)));
    }

    private static Row row(String species, List<Outcome> list) {
        Function<Recommendation, Integer> count = r -> (int) list.stream()
                .filter(o -> o.report().recommendation() == r).count();
        Map<String, Long> reasons = list.stream().filter(o -> o.report().reason() != null)
                .collect(Collectors.groupingBy(o -> o.report().reason(), TreeMap::new, Collectors.counting()));
        return new Row(species, list.size(), count.apply(Recommendation.APPROVE), count.apply(Recommendation.REJECT),
                count.apply(Recommendation.NOT_AVAILABLE), reasons);
    }

    public List<Row> rows() {
        return rows;
    }

    public Row row(String species) {
        return rows.stream().filter(r -> r.species().equals(species)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no recordings of " + species));
    }

    public String markdown() {
        StringBuilder s = new StringBuilder();
        s.append("| species | recordings | APPROVE | REJECT | NOT_AVAILABLE | error rate | reasons |\n");
        s.append("| --- | ---: | ---: | ---: | ---: | ---: | --- |\n");
        for (Row r : rows) {
            String metric = r.species().equals("BONA_FIDE") ? "BPCER " : "APCER ";
            s.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %s%.1f %% | %s |%n", r.species(), r.total(),
                    r.approved(), r.rejected(), r.notAvailable(), metric, 100 * r.errorRate(), r.reasons()));
        }
        return s.toString();
    }
}
