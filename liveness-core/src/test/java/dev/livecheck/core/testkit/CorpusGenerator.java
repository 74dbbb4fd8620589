package dev.livecheck.core.testkit;

import dev.livecheck.core.attempt.Challenge;
import dev.livecheck.core.recording.RecordingWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

/**
 * Writes a labelled corpus of synthetic recordings, one sub-folder per
 * recording ({@code bona_fide-0007}, {@code print_moved-0002}, ...) in the
 * {@code liveness-recording/1} format, plus {@code labels.csv}:
 * {@code recording,species,challenges,performed,face} (challenge lists are
 * separated by {@code |}). Fully determined by the seed, whatever the number
 * of threads.
 *
 * <pre>
 * CorpusGenerator --out DIR --seed N --bona-fide N --per-attack N [--species LIST] [--threads N]
 * </pre>
 */
public final class CorpusGenerator {

    /** One recording to produce. */
    public record Job(String name, Species species, List<Challenge> listed, long seed) {
    }

    /** One line of labels.csv. */
    public record Label(String recording, Species species, List<Challenge> listed, List<Challenge> performed,
            String faces, int frames) {

        String csv() {
            return recording + "," + species + "," + join(listed) + "," + join(performed) + "," + faces;
        }
    }

    private CorpusGenerator() {
    }

    public static void main(String[] args) throws Exception {
        Path out = null;
        long seed = 1;
        int bonaFide = 20;
        int perAttack = 5;
        int threads = Runtime.getRuntime().availableProcessors();
        Set<Species> species = EnumSet.allOf(Species.class);
        try {
            for (int i = 0; i < args.length; i++) {
                String value = i + 1 < args.length ? args[i + 1] : null;
                switch (args[i]) {
                    case "--out" -> out = Path.of(require(args[i], value));
                    case "--seed" -> seed = Long.parseLong(require(args[i], value));
                    case "--bona-fide" -> bonaFide = Integer.parseInt(require(args[i], value));
                    case "--per-attack" -> perAttack = Integer.parseInt(require(args[i], value));
                    case "--threads" -> threads = Math.max(1, Integer.parseInt(require(args[i], value)));
                    case "--species" -> {
                        species = EnumSet.noneOf(Species.class);
                        for (String s : require(args[i], value).split(",")) {
                            species.add(Species.valueOf(s.strip().toUpperCase(Locale.ROOT)));
                        }
                    }
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
                i++;
            }
            if (out == null) {
                throw new IllegalArgumentException("--out DIR is required");
            }
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println("usage: CorpusGenerator --out DIR --seed N --bona-fide N --per-attack N "
                    + "[--species BONA_FIDE,PRINT_STATIC,...] [--threads N]");
            System.exit(2);
            return;
        }
        long start = System.nanoTime();
        List<Label> labels = generate(out, plan(seed, bonaFide, perAttack, species), threads);
        long frames = labels.stream().mapToLong(Label::frames).sum();
        System.out.printf(Locale.ROOT, "wrote %d recordings (%d frames) to %s in %.1f s%n", labels.size(), frames,
                out, (System.nanoTime() - start) / 1e9);
    }

    private static String require(String option, String value) {
        if (value == null) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return value;
    }

    /** The jobs for a corpus: challenge lists and per-recording seeds drawn from one seeded Random. */
    public static List<Job> plan(long seed, int bonaFide, int perAttack, Set<Species> species) {
        Random rnd = new Random(seed);
        List<Job> jobs = new ArrayList<>();
        for (Species s : Species.values()) {
            int count = s == Species.BONA_FIDE ? bonaFide : perAttack;
            for (int i = 0; i < count; i++) {
                // draw even for skipped species, so a species' recordings do not depend on the --species filter
                List<Challenge> listed = ChallengeLists.draw(rnd);
                long jobSeed = rnd.nextLong();
                if (species.contains(s)) {
                    jobs.add(new Job(String.format(Locale.ROOT, "%s-%04d", s.folderPrefix(), i), s, listed, jobSeed));
                }
            }
        }
        return jobs;
    }

    /** Renders and writes every job (in parallel), then labels.csv in job order. */
    public static List<Label> generate(Path out, List<Job> jobs, int threads) throws IOException {
        Files.createDirectories(out);
        FaceLibrary.shared(); // lift every face once, before the workers start
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Label>> futures = new ArrayList<>();
            for (Job job : jobs) {
                futures.add(pool.submit(() -> write(out, job)));
            }
            List<Label> labels = new ArrayList<>();
            for (Future<Label> f : futures) {
                try {
                    labels.add(f.get());
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException("rendering failed: " + e.getCause(), e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                }
            }
            String csv = "recording,species,challenges,performed,face\n"
                    + labels.stream().map(Label::csv).collect(Collectors.joining("\n")) + "\n";
            Files.writeString(out.resolve("labels.csv"), csv, StandardCharsets.UTF_8);
            return labels;
        } finally {
            pool.shutdownNow();
        }
    }

    private static Label write(Path out, Job job) {
        SyntheticRecording r = SyntheticCamera.render(job.species(), job.listed(), job.seed(),
                SyntheticCamera.Options.DEFAULT, job.name());
        try {
            new RecordingWriter().write(out.resolve(job.name()), r.recording());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Label(job.name(), job.species(), job.listed(), r.performed(), r.faces(),
                r.recording().frames().size());
    }

    static String join(List<Challenge> challenges) {
        return challenges.stream().map(Enum::name).collect(Collectors.joining("|"));
    }
}
