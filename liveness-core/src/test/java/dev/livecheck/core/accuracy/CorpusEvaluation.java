package dev.livecheck.core.accuracy;

import dev.livecheck.core.engine.LivenessEngine;
import dev.livecheck.core.recording.RecordingFormatException;
import dev.livecheck.core.recording.RecordingReader;
import dev.livecheck.core.report.LivenessReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * Evaluates every recording of a labelled corpus. The label (the species) is
 * the recording folder's name up to its last '-', as the test kit's
 * {@code CorpusGenerator} names them ({@code bona_fide-0007},
 * {@code print_moved-0003}).
 */
public final class CorpusEvaluation {

    /** One judged recording. */
    public record Outcome(String recording, String species, LivenessReport report) {

        public boolean bonaFide() {
            return species.equals("BONA_FIDE");
        }

        public boolean approved() {
            return report.recommendation() == dev.livecheck.core.report.Recommendation.APPROVE;
        }
    }

    private CorpusEvaluation() {
    }

    public static List<Outcome> evaluate(Path corpus, int threads) throws IOException, InterruptedException {
        List<Path> folders;
        try (Stream<Path> list = Files.list(corpus)) {
            folders = list.filter(p -> Files.isRegularFile(p.resolve("capture.json"))).sorted().toList();
        }
        try (LivenessEngine engine = LivenessEngine.withBundledModels()) {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<Outcome>> futures = new ArrayList<>();
                for (Path folder : folders) {
                    futures.add(pool.submit(() -> judge(engine, folder)));
                }
                List<Outcome> outcomes = new ArrayList<>();
                for (Future<Outcome> f : futures) {
                    outcomes.add(f.get());
                }
                return outcomes;
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("evaluation failed", e.getCause());
            } finally {
                pool.shutdownNow();
            }
        }
    }

    private static Outcome judge(LivenessEngine engine, Path folder) throws RecordingFormatException, InterruptedException {
        var recording = new RecordingReader().read(folder);
        return new Outcome(recording.name(), speciesOf(recording.name()), engine.evaluate(recording));
    }

    static String speciesOf(String name) {
        int dash = name.lastIndexOf('-');
        return (dash < 0 ? name : name.substring(0, dash)).toUpperCase(Locale.ROOT);
    }
}
