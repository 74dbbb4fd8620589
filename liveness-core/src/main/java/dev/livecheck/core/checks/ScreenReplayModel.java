package dev.livecheck.core.checks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * A small logistic model over the {@link ScreenReplayCues}: each cue is
 * standardised (training mean and spread), weighted and summed; the attempt
 * is judged a screen replay when the probability reaches the threshold. The
 * weights are fitted by {@code dev.livecheck.core.accuracy.ScreenReplayModelFit}
 * (test sources) on a test-kit corpus and ship as the resource
 * {@value #RESOURCE}; docs/accuracy.md reports the training and validation
 * split. A cue the attempt could not measure (NaN) counts as its training
 * mean, i.e. adds nothing.
 */
final class ScreenReplayModel {

    static final String RESOURCE = "/dev/livecheck/core/checks/screen-replay-model.properties";

    /** One cue's term: standardisation and weight. */
    record Term(String cue, double mean, double scale, double weight) {

        double contribution(double value) {
            return Double.isFinite(value) ? weight * (value - mean) / scale : 0;
        }
    }

    private final double bias;
    private final double threshold;
    private final List<Term> terms;

    ScreenReplayModel(double bias, double threshold, List<Term> terms) {
        this.bias = bias;
        this.threshold = threshold;
        this.terms = List.copyOf(terms);
    }

    static ScreenReplayModel bundled() {
        try (InputStream in = ScreenReplayModel.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing " + RESOURCE + " (fit it with ScreenReplayModelFit)");
            }
            Properties p = new Properties();
            p.load(in);
            return parse(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ScreenReplayModel parse(Properties p) {
        List<Term> terms = new ArrayList<>();
        for (String cue : p.getProperty("cues", "").split(",")) {
            if (cue.isBlank()) {
                continue;
            }
            String c = cue.strip();
            if (!ScreenReplayCues.NAMES.contains(c)) {
                throw new IllegalStateException("unknown screen-replay cue " + c + " in " + RESOURCE);
            }
            terms.add(new Term(c, number(p, c + ".mean"), number(p, c + ".scale"), number(p, c + ".weight")));
        }
        return new ScreenReplayModel(number(p, "bias"), number(p, "threshold"), terms);
    }

    private static double number(Properties p, String key) {
        String v = p.getProperty(key);
        if (v == null) {
            throw new IllegalStateException("missing " + key + " in " + RESOURCE);
        }
        return Double.parseDouble(v.strip());
    }

    /** Writes the model in the resource's format (used by the fitting script). */
    String format(String header) {
        StringBuilder s = new StringBuilder();
        header.lines().forEach(l -> s.append("# ").append(l).append('\n'));
        s.append("cues=").append(String.join(",", terms.stream().map(Term::cue).toList())).append('\n');
        s.append(String.format(Locale.ROOT, "bias=%.6f%nthreshold=%.4f%n", bias, threshold));
        for (Term t : terms) {
            s.append(String.format(Locale.ROOT, "%s.mean=%.6f%n%s.scale=%.6f%n%s.weight=%.6f%n", t.cue(), t.mean(),
                    t.cue(), t.scale(), t.cue(), t.weight()));
        }
        return s.toString();
    }

    /** Probability (0..1) that the attempt is a screen replay. */
    double probability(Map<String, Double> cues) {
        double z = bias;
        for (Term t : terms) {
            z += t.contribution(cues.getOrDefault(t.cue(), Double.NaN));
        }
        return 1 / (1 + Math.exp(-z));
    }

    double threshold() {
        return threshold;
    }

    List<Term> terms() {
        return terms;
    }
}
