package dev.livecheck.core.accuracy;

import dev.livecheck.core.accuracy.CorpusEvaluation.Outcome;
import dev.livecheck.core.checks.PresentationCheck;
import dev.livecheck.core.report.LivenessReport;
import dev.livecheck.core.report.SubCheck;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Generates (optionally) and judges a labelled corpus, then prints the
 * APCER/BPCER table and, per species, the distribution of the numbers each
 * check judged, so thresholds can be read against the data.
 *
 * <pre>
 * AccuracyBenchmark --corpus DIR [--generate --seed N --bona-fide N --per-attack N [--species LIST]] [--threads N]
 * </pre>
 */
public final class AccuracyBenchmark {

    /** Sub-check details worth seeing as distributions, as "check.detail". */
    private static final List<String> MEASURES = List.of(
            "structure_3d.nose_parallax", "structure_3d.planar_rms", "continuity.min_appearance_similarity",
            "continuity.max_shape_distance", "continuity.max_jump", "continuity.min_consecutive_similarity",
            "continuity.max_chroma_jump", "continuity.max_chroma_shift", "continuity.max_texture_distance", "presentation.moire", "presentation.glare",
            "presentation.saturation", "quality.multiple_faces_share", "continuity.max_identity_distance",
            "continuity.max_frontal_identity_distance", "continuity.max_posed_identity_distance",
            "continuity.identity_distance_start", "continuity.identity_distance_challenge_1",
            "continuity.identity_distance_challenge_2", "continuity.identity_distance_challenge_3",
            "continuity.identity_distance_end", "presentation.screen_replay_score");

    private AccuracyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        Path corpus = Path.of(options.getOrDefault("corpus", "target/accuracy-corpus"));
        if (options.containsKey("generate")) {
            Files.createDirectories(corpus);
            dev.livecheck.core.testkit.CorpusGenerator.main(new String[] {"--out", corpus.toString(),
                "--seed", options.getOrDefault("seed", "2026"),
                "--bona-fide", options.getOrDefault("bona-fide", "200"),
                "--per-attack", options.getOrDefault("per-attack", "50"),
                "--species", options.getOrDefault("species", "BONA_FIDE,PRINT_STATIC,PRINT_MOVED,SCREEN_REPLAY,"
                        + "REPLAY_MISMATCHED,SPLICE,NO_FACE,TWO_FACES")});
        }
        int threads = Integer.parseInt(options.getOrDefault("threads",
                String.valueOf(Runtime.getRuntime().availableProcessors())));
        long start = System.nanoTime();
        List<Outcome> outcomes = CorpusEvaluation.evaluate(corpus, threads);
        System.out.println(new AccuracyTable(outcomes).markdown());
        System.out.printf(Locale.ROOT, "%d recordings judged in %.1f s on %d threads%n%n", outcomes.size(),
                (System.nanoTime() - start) / 1e9, threads);
        System.out.println(distributions(outcomes));
        if (options.containsKey("verbose")) {
            outcomes.forEach(o -> System.out.println(o.recording() + " " + o.report().recommendation() + " "
                    + o.report().reason() + " " + o.report().subChecks()));
        }
    }

    static String distributions(List<Outcome> outcomes) {
        Map<String, Map<String, List<Double>>> values = new TreeMap<>();
        List<String> measures = new ArrayList<>(MEASURES);
        PresentationCheck.SCREEN_REPLAY_CUES.forEach(cue -> measures.add(PresentationCheck.NAME + "." + cue));
        for (Outcome o : outcomes) {
            for (String measure : measures) {
                Double v = detail(o.report(), measure);
                if (v != null) {
                    values.computeIfAbsent(measure, k -> new TreeMap<>())
                            .computeIfAbsent(o.species(), k -> new ArrayList<>()).add(v);
                }
            }
        }
        StringBuilder s = new StringBuilder("| measure | species | n | min | p05 | median | p95 | max |\n")
                .append("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        values.forEach((measure, bySpecies) -> bySpecies.forEach((species, v) -> {
            v.sort(Double::compare);
            s.append(String.format(Locale.ROOT, "| %s | %s | %d | %.3f | %.3f | %.3f | %.3f | %.3f |%n", measure, species,
                    v.size(), v.get(0), q(v, 0.05), q(v, 0.5), q(v, 0.95), v.get(v.size() - 1)));
        }));
        return s.toString();
    }

    private static double q(List<Double> sorted, double q) {
        return sorted.get((int) Math.round(q * (sorted.size() - 1)));
    }

    private static Double detail(LivenessReport report, String measure) {
        String[] parts = measure.split("\\.");
        return report.subCheck(parts[0]).map(SubCheck::details).map(d -> d.get(parts[1]))
                .filter(Number.class::isInstance).map(n -> ((Number) n).doubleValue()).orElse(null);
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String key = args[i].replaceFirst("^--", "");
            boolean hasValue = i + 1 < args.length && !args[i + 1].startsWith("--");
            options.put(key, hasValue ? args[++i] : "true");
        }
        return options;
    }
}
