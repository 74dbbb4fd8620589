package dev.livecheck.core.checks;

import dev.livecheck.core.accuracy.CorpusEvaluation;
import dev.livecheck.core.accuracy.CorpusEvaluation.Outcome;
import dev.livecheck.core.report.SubCheck;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Fits the {@link ScreenReplayModel} shipped as {@value ScreenReplayModel#RESOURCE}.
 *
 * <pre>
 * ScreenReplayModelFit measure CORPUS_DIR CUES.csv [THREADS]
 *     judges a test-kit corpus with the engine and writes, per bona fide and screen-replay
 *     recording, the presentation sub-check's cue values
 * ScreenReplayModelFit fit TRAIN.csv VALIDATION.csv RESOURCE [CUE,CUE,...]
 *     fits an L2-regularised, class-balanced logistic regression on TRAIN, sets the threshold
 *     {@value #MARGIN} logits above the highest bona fide training score, writes RESOURCE and prints
 *     the training and validation detection rates with the margins
 * </pre>
 */
public final class ScreenReplayModelFit {

    /** Logits between the most screen-like bona fide training attempt and the threshold. */
    static final double MARGIN = 1.0;
    static final double L2 = 0.05;
    /**
     * Every cue but surround_motion and bezel_bands. surround_motion's size says how much the surroundings move, not
     * whether they move with the face (rigid_motion), and phase correlation's failures on flat bands give it outliers
     * of hundreds of pixels. bezel_bands is judged by its own rule beside the model (PresentationCheck), which the
     * shipped model was fitted without.
     */
    static final List<String> DEFAULT_CUES = ScreenReplayCues.NAMES.stream()
            .filter(c -> !c.equals("surround_motion") && !c.equals(ScreenReplayCues.BEZEL_BANDS)).toList();

    record Row(String recording, boolean screen, double[] cues) {
    }

    private ScreenReplayModelFit() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length >= 3 && args[0].equals("measure")) {
            int threads = args.length > 3 ? Integer.parseInt(args[3]) : Runtime.getRuntime().availableProcessors();
            measure(Path.of(args[1]), Path.of(args[2]), threads);
        } else if (args.length >= 4 && args[0].equals("fit")) {
            List<String> cues = args.length > 4 ? List.of(args[4].split(",")) : DEFAULT_CUES;
            fit(read(Path.of(args[1])), read(Path.of(args[2])), cues, Path.of(args[3]), args[1], args[2]);
        } else {
            System.err.println("usage: ScreenReplayModelFit measure CORPUS CUES.csv [THREADS] | "
                    + "fit TRAIN.csv VALIDATION.csv RESOURCE [CUES]");
            System.exit(2);
        }
    }

    static void measure(Path corpus, Path csv, int threads) throws IOException, InterruptedException {
        List<Outcome> outcomes = CorpusEvaluation.evaluate(corpus, threads);
        StringBuilder s = new StringBuilder("recording,species,recommendation,reason,"
                + String.join(",", ScreenReplayCues.NAMES) + "\n");
        for (Outcome o : outcomes) {
            if (!o.species().equals("BONA_FIDE") && !o.species().equals("SCREEN_REPLAY")) {
                continue;
            }
            Map<String, Object> d = o.report().subCheck(PresentationCheck.NAME).map(SubCheck::details)
                    .orElse(Map.of());
            s.append(o.recording()).append(',').append(o.species()).append(',')
                    .append(o.report().recommendation()).append(',').append(o.report().reason());
            for (String cue : ScreenReplayCues.NAMES) {
                Object v = d.get(cue);
                s.append(',').append(v instanceof Number n ? n.toString() : "NaN");
            }
            s.append('\n');
        }
        Files.writeString(csv, s, StandardCharsets.UTF_8);
        System.out.println("wrote " + csv);
    }

    static List<Row> read(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        List<String> header = List.of(lines.get(0).split(","));
        List<Row> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            double[] cues = new double[ScreenReplayCues.NAMES.size()];
            for (int i = 0; i < cues.length; i++) {
                cues[i] = Double.parseDouble(f[header.indexOf(ScreenReplayCues.NAMES.get(i))]);
            }
            rows.add(new Row(f[0], f[1].equals("SCREEN_REPLAY"), cues));
        }
        return rows;
    }

    static void fit(List<Row> train, List<Row> validation, List<String> cues, Path resource, String trainName,
            String validationName) throws IOException {
        int k = cues.size();
        int[] col = cues.stream().mapToInt(ScreenReplayCues.NAMES::indexOf).toArray();
        double[] mean = new double[k];
        double[] scale = new double[k];
        for (int j = 0; j < k; j++) {
            int c = col[j];
            double[] v = train.stream().mapToDouble(r -> r.cues()[c]).filter(Double::isFinite).toArray();
            mean[j] = Arrays.stream(v).average().orElse(0);
            double m = mean[j];
            scale[j] = Math.max(1e-6, Math.sqrt(Arrays.stream(v).map(x -> (x - m) * (x - m)).average().orElse(1)));
        }
        double[][] x = new double[train.size()][k];
        double[] y = new double[train.size()];
        double positives = train.stream().filter(Row::screen).count();
        double[] sampleWeight = new double[train.size()];
        for (int i = 0; i < train.size(); i++) {
            Row r = train.get(i);
            for (int j = 0; j < k; j++) {
                double v = r.cues()[col[j]];
                x[i][j] = Double.isFinite(v) ? (v - mean[j]) / scale[j] : 0;
            }
            y[i] = r.screen() ? 1 : 0;
            // balanced classes: each class weighs half
            sampleWeight[i] = r.screen() ? 0.5 / positives : 0.5 / (train.size() - positives);
        }
        double[] w = new double[k];
        double b = 0;
        for (int it = 0; it < 20000; it++) {
            double[] gw = new double[k];
            double gb = 0;
            for (int i = 0; i < x.length; i++) {
                double z = b;
                for (int j = 0; j < k; j++) {
                    z += w[j] * x[i][j];
                }
                double err = (1 / (1 + Math.exp(-z)) - y[i]) * sampleWeight[i];
                for (int j = 0; j < k; j++) {
                    gw[j] += err * x[i][j];
                }
                gb += err;
            }
            for (int j = 0; j < k; j++) {
                w[j] -= 0.5 * (gw[j] + L2 * w[j]);
            }
            b -= 0.5 * gb;
        }
        List<ScreenReplayModel.Term> terms = new ArrayList<>();
        for (int j = 0; j < k; j++) {
            terms.add(new ScreenReplayModel.Term(cues.get(j), mean[j], scale[j], w[j]));
        }
        ScreenReplayModel provisional = new ScreenReplayModel(b, 0.5, terms);
        double maxBonaFide = train.stream().filter(r -> !r.screen()).mapToDouble(r -> logit(provisional, r))
                .max().orElse(0);
        double thresholdLogit = maxBonaFide + MARGIN;
        double threshold = 1 / (1 + Math.exp(-thresholdLogit));
        ScreenReplayModel model = new ScreenReplayModel(b, threshold, terms);
        String report = String.format(Locale.ROOT, "%s%s", summary("training " + trainName, model, train),
                summary("validation " + validationName, model, validation));
        String header = "Screen-replay model: logistic regression over the presentation check's cues, fitted by\n"
                + "dev.livecheck.core.checks.ScreenReplayModelFit (see docs/accuracy.md); do not edit by hand.\n"
                + String.format(Locale.ROOT, "L2 %.3f, balanced classes; threshold %.1f logits above the highest "
                        + "bona fide training score.%n", L2, MARGIN) + report;
        Files.writeString(resource, model.format(header), StandardCharsets.UTF_8);
        System.out.print(report);
        for (ScreenReplayModel.Term t : terms) {
            System.out.printf(Locale.ROOT, "  %-20s weight %+.3f (mean %.4f, scale %.4f)%n", t.cue(), t.weight(),
                    t.mean(), t.scale());
        }
        System.out.printf(Locale.ROOT, "  bias %+.3f, threshold logit %.3f (p %.4f)%n", b, thresholdLogit, threshold);
    }

    static double logit(ScreenReplayModel model, Row r) {
        double p = model.probability(cueMap(r));
        return Math.log(Math.max(1e-12, p) / Math.max(1e-12, 1 - p));
    }

    private static Map<String, Double> cueMap(Row r) {
        Map<String, Double> m = new java.util.HashMap<>();
        for (int i = 0; i < ScreenReplayCues.NAMES.size(); i++) {
            m.put(ScreenReplayCues.NAMES.get(i), r.cues()[i]);
        }
        return m;
    }

    /** Detection rates and margins of a model on rows, in logits relative to its threshold. */
    static String summary(String name, ScreenReplayModel model, List<Row> rows) {
        double t = Math.log(model.threshold() / (1 - model.threshold()));
        long bona = rows.stream().filter(r -> !r.screen()).count();
        long screens = rows.size() - bona;
        long falseAlarms = rows.stream().filter(r -> !r.screen() && logit(model, r) >= t).count();
        long detected = rows.stream().filter(r -> r.screen() && logit(model, r) >= t).count();
        double bonaMax = rows.stream().filter(r -> !r.screen()).mapToDouble(r -> logit(model, r)).max().orElse(0);
        double[] screenLogits = rows.stream().filter(Row::screen).mapToDouble(r -> logit(model, r)).sorted().toArray();
        double screenMin = screenLogits.length == 0 ? 0 : screenLogits[0];
        return String.format(Locale.ROOT, "%s: bona fide flagged %d of %d (closest %.2f logits below the threshold); "
                + "screen replays flagged %d of %d (lowest %.2f logits %s the threshold)%n", name, falseAlarms, bona,
                t - bonaMax, detected, screens, Math.abs(screenMin - t), screenMin >= t ? "above" : "below");
    }
}
