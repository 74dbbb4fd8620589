package dev.livecheck.portal.loadtest;

import dev.livecheck.core.attempt.Challenge;
import dev.livecheck.core.testkit.LivePerformer;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Live users against a running portal (a measurement tool, not a test): N {@link LiveCaptureClient}s, each a
 * rendered person answering the server's random challenges, arriving evenly over a ramp, each on its own capture
 * link. Prints one table row: users, approved, rejected, other outcomes, time to result (first start to last result)
 * p50/p95, server reply latency p50/p95, frames sent per user per second of streaming, frames skipped, server and
 * client CPU, load average.
 *
 * <pre>
 * LiveCaptureLoad BASE_URL (--links FILE | --create N --admin EMAIL) [--users N] [--ramp SECONDS] [--fps FPS]
 *                 [--attempts K] [--deadline SECONDS] [--seed S] [--render library|live] [--identities K]
 *                 [--attackers K [--replay-order TURN_LEFT,LOOK_UP] [--replay-pace asked|recorded|held]]
 * </pre>
 * {@code --render library} (default): before the users start, a {@link ClipLibrary} of {@code --identities}
 * people (default 4, at most one per user) is rendered, and users play its clips, identities handed out
 * round-robin; the client then costs next to nothing. {@code --render live}: every user is a different person
 * rendered frame by frame (about 20 ms of CPU a frame), as runs before the clip library were.
 * {@code --links}: one capture link per line ({@code #} comments and blank lines skipped). {@code --create N}: signs
 * in as that admin (password from the environment variable {@code LIVECHECK_LOAD_PASSWORD}) and creates N sessions
 * with {@link PortalSessions}. {@code --users} defaults to the number of links. Users send at the {@code fps} the
 * server's {@code ready} and then {@code rate} ask for, never more than {@code --fps F} (a camera of that rate; 0,
 * the default, for no cap).
 *
 * <p>{@code --attackers K} adds K attackers beside the users, each on its own link, arriving over the same ramp: each
 * replays a recording of one challenge order ({@code --replay-order}, default TURN_LEFT,LOOK_UP) and cancels and
 * starts again whenever it is asked anything else (issue 9's re-roll attack). {@code --replay-pace asked} (default):
 * the attacker has cut its recording into actions and plays each when it is asked, as the users do, so only the order
 * stops it. {@code --replay-pace recorded}: it plays its recording straight through at the pace it was recorded
 * ({@link ClipLibrary.RecordedReplay}; library render only). {@code --replay-pace held}: it sends its recording's first
 * image again and again until it is asked something, then plays the recording from its start at the pace it was
 * recorded ({@link ClipLibrary.HeldReplay}; library render only). They are reported on their own line; the table row
 * counts the users only. With {@code --create}, N must cover users and attackers.
 *
 * <p>Bounded: at most {@value #MAX_USERS} users, a ramp of at most 600 s, each user abandoned after its deadline
 * (default 120 s). Only loopback targets: the base URL and every link must resolve to loopback addresses only, else
 * nothing is sent.
 */
public final class LiveCaptureLoad {

    static final int MAX_USERS = 200;
    static final int DEFAULT_IDENTITIES = 4;
    private static final int WARM_UP_FRAMES = 80;
    static final String PASSWORD_ENV = "LIVECHECK_LOAD_PASSWORD";
    /** The signed-in portal session of {@code --create}, which also reads the server's metrics; none with --links. */
    private static PortalSessions SERVER = new PortalSessions(URI.create("http://localhost/"));

    /** Where the users' frames come from. */
    public enum Render {
        /** Played from a {@link ClipLibrary} rendered before the run. */
        LIBRARY,
        /** Rendered frame by frame while the users run. */
        LIVE
    }

    /** How an attacker plays its recording of one challenge order ({@code --replay-pace}). */
    public enum ReplayPace {
        /** Cut into actions, each played when it is asked ({@link ClipLibrary#player}). */
        ASKED("each action when asked"),
        /** Straight through at the pace it was recorded ({@link ClipLibrary.RecordedReplay}). */
        RECORDED("at the pace recorded"),
        /** Its first image again and again until asked, then at the pace recorded ({@link ClipLibrary.HeldReplay}). */
        HELD("held on its first image until asked, then at the pace recorded");

        static final String NAMES = Arrays.stream(values()).map(ReplayPace::cliName).collect(Collectors.joining("|"));
        private final String description;

        ReplayPace(String description) {
            this.description = description;
        }

        String cliName() {
            return name().toLowerCase(Locale.ROOT);
        }

        String description() {
            return description;
        }

        static ReplayPace named(String name) {
            for (ReplayPace pace : values()) {
                if (pace.cliName().equals(name)) {
                    return pace;
                }
            }
            throw new IllegalArgumentException("--replay-pace must be " + NAMES + ", not " + name);
        }
    }

    /** The parsed command line. */
    public record Config(URI base, Path linksFile, int create, String admin, int users, double rampSeconds,
            double fps, int attempts, int deadlineSeconds, long seed, Render render, int identities, int attackers,
            List<Challenge> replayedOrder, ReplayPace replayPace) {

        static final List<Challenge> DEFAULT_REPLAYED_ORDER = List.of(Challenge.TURN_LEFT, Challenge.LOOK_UP);

        public Config {
            replayedOrder = List.copyOf(replayedOrder);
            requireLoopback(base);
            check(users >= 0 && users <= MAX_USERS, "--users must be 1.." + MAX_USERS);
            check(create >= 0 && create <= MAX_USERS, "--create must be 1.." + MAX_USERS);
            check(rampSeconds >= 0 && rampSeconds <= 600, "--ramp must be 0..600 seconds");
            check(fps == 0 || fps >= 1 && fps <= 30, "--fps must be 1..30 (0: no cap on the server's rate)");
            check(attempts >= 1 && attempts <= 10, "--attempts must be 1..10");
            check(deadlineSeconds >= 10 && deadlineSeconds <= 600, "--deadline must be 10..600 seconds");
            check(linksFile != null ^ create > 0, "give either --links FILE or --create N");
            check(create == 0 || admin != null, "--create needs --admin EMAIL");
            check(render != null, "--render must be library or live");
            check(identities >= 1 && identities <= MAX_USERS, "--identities must be 1.." + MAX_USERS);
            check(attackers >= 0 && users + attackers <= MAX_USERS, "--users and --attackers: at most " + MAX_USERS);
            check(!replayedOrder.isEmpty(), "--replay-order names at least one challenge");
            check(replayPace != null, "--replay-pace must be " + ReplayPace.NAMES);
            check(replayPace == ReplayPace.ASKED || render == Render.LIBRARY,
                    "--replay-pace " + replayPace.cliName() + " needs --render library");
        }

        /** Users played from a clip library of the default number of identities. */
        public Config(URI base, Path linksFile, int create, String admin, int users, double rampSeconds, double fps,
                int attempts, int deadlineSeconds, long seed) {
            this(base, linksFile, create, admin, users, rampSeconds, fps, attempts, deadlineSeconds, seed,
                    Render.LIBRARY, DEFAULT_IDENTITIES, 0, DEFAULT_REPLAYED_ORDER, ReplayPace.ASKED);
        }

        /** This run with {@code count} attackers replaying {@link #replayedOrder} beside the users. */
        public Config withAttackers(int count) {
            return new Config(base, linksFile, create, admin, users, rampSeconds, fps, attempts, deadlineSeconds, seed,
                    render, identities, count, replayedOrder, replayPace);
        }

        /** This run's attackers playing their recording at {@code pace}. */
        public Config withReplayPace(ReplayPace pace) {
            return new Config(base, linksFile, create, admin, users, rampSeconds, fps, attempts, deadlineSeconds, seed,
                    render, identities, attackers, replayedOrder, pace);
        }

        static Config parse(String[] args) {
            check(args.length >= 1 && !args[0].startsWith("--"), "usage: LiveCaptureLoad BASE_URL (--links FILE | "
                    + "--create N --admin EMAIL) [--users N] [--ramp S] [--fps F] [--attempts K] [--deadline S] "
                    + "[--seed S] [--render library|live] [--identities K] [--attackers K] [--replay-order A,B] "
                    + "[--replay-pace " + ReplayPace.NAMES + "]");
            Map<String, String> options = new TreeMap<>();
            for (int i = 1; i < args.length; i += 2) {
                check(args[i].startsWith("--") && i + 1 < args.length, "option without value: " + args[i]);
                options.put(args[i].substring(2), args[i + 1]);
            }
            List<String> known = List.of("links", "create", "admin", "users", "ramp", "fps", "attempts", "deadline",
                    "seed", "render", "identities", "attackers", "replay-order", "replay-pace");
            options.keySet().forEach(k -> check(known.contains(k), "unknown option --" + k));
            int create = Integer.parseInt(options.getOrDefault("create", "0"));
            return new Config(URI.create(args[0].endsWith("/") ? args[0] : args[0] + "/"),
                    options.containsKey("links") ? Path.of(options.get("links")) : null, create,
                    options.get("admin"), Integer.parseInt(options.getOrDefault("users", "0")),
                    Double.parseDouble(options.getOrDefault("ramp", "0")),
                    Double.parseDouble(options.getOrDefault("fps", "0")),
                    Integer.parseInt(options.getOrDefault("attempts", "3")),
                    Integer.parseInt(options.getOrDefault("deadline", "120")),
                    Long.parseLong(options.getOrDefault("seed", "1")),
                    render(options.getOrDefault("render", "library")),
                    Integer.parseInt(options.getOrDefault("identities", String.valueOf(DEFAULT_IDENTITIES))),
                    Integer.parseInt(options.getOrDefault("attackers", "0")),
                    options.containsKey("replay-order") ? order(options.get("replay-order")) : DEFAULT_REPLAYED_ORDER,
                    ReplayPace.named(options.getOrDefault("replay-pace", ReplayPace.ASKED.cliName())));
        }

        private static List<Challenge> order(String names) {
            try {
                return java.util.Arrays.stream(names.split(",")).map(String::strip).map(Challenge::valueOf).toList();
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--replay-order: challenges from "
                        + java.util.Arrays.toString(Challenge.values()) + ", comma-separated, not " + names);
            }
        }

        private static Render render(String name) {
            return switch (name) {
                case "library" -> Render.LIBRARY;
                case "live" -> Render.LIVE;
                default -> throw new IllegalArgumentException("--render must be library or live, not " + name);
            };
        }
    }

    private LiveCaptureLoad() {
    }

    public static void main(String[] args) throws Exception {
        Config config;
        List<URI> links;
        try {
            config = Config.parse(args);
            links = links(config);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        Report report = run(config, links, new ServerMetrics(SERVER::prometheus));
        System.out.println(Report.HEADER);
        System.out.println(report.row());
        System.out.println(report.details());
        System.out.println(report.phaseSummary());
        if (!report.attackers().isEmpty()) {
            System.out.println(report.attackerSummary());
        }
        System.exit(0); // the HttpClient's and pacer's threads would keep exec:java waiting
    }

    /** The capture links to use: read from the file, or created on the portal. */
    static List<URI> links(Config config) throws IOException {
        List<URI> links;
        if (config.linksFile() != null) {
            links = Files.readAllLines(config.linksFile(), StandardCharsets.UTF_8).stream().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).map(URI::create).toList();
        } else {
            String password = System.getenv(PASSWORD_ENV);
            check(password != null && !password.isEmpty(), "set " + PASSWORD_ENV + " to the admin's password");
            SERVER = new PortalSessions(config.base()).signIn(config.admin(), password);
            links = SERVER.createLinks(config.create());
        }
        links.forEach(LiveCaptureLoad::requireLoopback);
        int users = config.users() == 0 ? links.size() - config.attackers() : config.users();
        int needed = users + config.attackers();
        check(users >= 1 && needed <= links.size(), users + " users and " + config.attackers()
                + " attackers need as many links, have " + links.size());
        return links.subList(0, needed);
    }

    /**
     * Runs one user per link, arriving evenly over the ramp, the last {@link Config#attackers} links attackers;
     * returns when everyone is done.
     */
    public static Report run(Config config, List<URI> links) throws InterruptedException {
        return run(config, links, new ServerMetrics(() -> null));
    }

    /** As above, reading the server's analysed frames, CPU and heap from {@code server} before, during and after. */
    public static Report run(Config config, List<URI> links, ServerMetrics server) throws InterruptedException {
        links.forEach(LiveCaptureLoad::requireLoopback);
        int users = links.size();
        int firstAttacker = users - config.attackers();
        LiveCaptureClient.Options options = LiveCaptureClient.Options.defaults().withFps(config.fps())
                .withMaxAttempts(config.attempts()).withDeadline(Duration.ofSeconds(config.deadlineSeconds()));
        int cores = Runtime.getRuntime().availableProcessors();
        ScheduledExecutorService pacer = Executors.newScheduledThreadPool(Math.max(2, cores), daemon("live-pacer"));
        ExecutorService people = Executors.newFixedThreadPool(users, daemon("live-user"));
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).build();
        LiveCaptureClient client = new LiveCaptureClient(http, pacer, options);
        LiveCaptureClient attacker = new LiveCaptureClient(http, pacer,
                options.withReplayedOrder(config.replayedOrder()));
        ClipLibrary library = null;
        String footage;
        if (config.render() == Render.LIBRARY) {
            library = ClipLibrary.render(config.seed(), Math.min(config.identities(), users));
            footage = library.summary();
        } else {
            warmUp();
            footage = "rendered live: one person per user, every frame rendered while the users run";
        }
        System.out.println(footage);
        ClipLibrary clips = library;
        double load0 = loadAverage();
        ServerMetrics.Snapshot before = server.read();
        server.sampleHeap(pacer);
        long cpu0 = processCpuNanos();
        long t0 = System.nanoTime();
        List<Future<LiveCaptureClient.Result>> futures = new ArrayList<>();
        for (int i = 0; i < users; i++) {
            // users and attackers each arrive evenly over the ramp, interleaved
            int rank = i < firstAttacker ? i : i - firstAttacker;
            int group = i < firstAttacker ? firstAttacker : users - firstAttacker;
            long delayMs = group == 1 ? 0 : Math.round(config.rampSeconds() * 1000 * rank / group);
            URI link = links.get(i);
            long seed = personSeed(config.seed(), i);
            int user = i;
            ReplayPace pace = i >= firstAttacker ? config.replayPace() : ReplayPace.ASKED;
            LiveCaptureClient visitor = i < firstAttacker ? client : attacker;
            futures.add(people.submit(() -> {
                Thread.sleep(delayMs);
                if (clips == null) {
                    return visitor.run(link, seed);
                }
                return visitor.run(link, switch (pace) {
                    case ASKED -> clips.player(user);
                    case RECORDED -> clips.recordedReplay(user, config.replayedOrder());
                    case HELD -> clips.heldReplay(user, config.replayedOrder());
                });
            }));
        }
        List<LiveCaptureClient.Result> results = new ArrayList<>();
        long wallLimit = TimeUnit.SECONDS.toNanos(Math.round(config.rampSeconds()) + config.deadlineSeconds() + 60);
        for (Future<LiveCaptureClient.Result> future : futures) {
            try {
                results.add(future.get(Math.max(1, wallLimit - (System.nanoTime() - t0)), TimeUnit.NANOSECONDS));
            } catch (java.util.concurrent.ExecutionException e) {
                results.add(failed("FAILED " + e.getCause()));
            } catch (java.util.concurrent.TimeoutException e) {
                results.add(failed("DEADLINE"));
            }
        }
        long wall = (System.nanoTime() - t0) / 1_000_000;
        long clientCpu = (processCpuNanos() - cpu0) / 1_000_000;
        double load1 = loadAverage();
        ServerMetrics.Snapshot after = server.read();
        long heap = server.peakHeapBytes();
        people.shutdownNow();
        pacer.shutdownNow();
        return new Report(results.subList(0, firstAttacker), results.subList(firstAttacker, users),
                config.replayedOrder(), config.replayPace(), wall, clientCpu, cores, new ServerSide(
                before.framesAnalysed() < 0 ? -1 : after.framesAnalysed() - before.framesAnalysed(),
                before.cpuSeconds() < 0 ? -1 : after.cpuSeconds() - before.cpuSeconds(), heap), load0, load1,
                footage);
    }

    /**
     * User {@code i}'s performer seed. Mixed (SplitMix64's finaliser), not {@code seed + i}: the first draws of
     * {@code java.util.Random} from neighbouring seeds are nearly the same, and neighbours would share a face.
     */
    static long personSeed(long seed, int i) {
        long z = seed * 0x9E3779B97F4A7C15L + (i + 1) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * Lifts the face photos to 3D and lets the JIT compile the renderer before anyone connects: the first frames of a
     * cold JVM take ten times longer, and the first users would send a fraction of their frames.
     */
    static void warmUp() {
        dev.livecheck.core.attempt.Challenge[] actions = dev.livecheck.core.attempt.Challenge.values();
        try (LivePerformer person = new LivePerformer(0)) {
            for (int i = 0; i < WARM_UP_FRAMES; i++) {
                if (i % 20 == 0) {
                    person.perform(actions[(i / 20) % actions.length], i * 66L);
                }
                person.frame(i * 66L);
            }
        }
    }

    /** The machine's one-minute load average, -1 where the platform has none. */
    static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static LiveCaptureClient.Result failed(String outcome) {
        return new LiveCaptureClient.Result("", outcome, 0, List.of(), -1, List.of(), 0, 0, 0, 0, List.of(), 0, 0, 0,
                0, 0, List.of(), List.of());
    }

    /**
     * The server's side of a run, -1 where its metrics could not be read.
     *
     * @param framesAnalysed frames the engine analysed during the run (finished attempts)
     * @param cpuSeconds the server process's CPU time during the run
     * @param peakHeapBytes the largest heap use seen (sampled every second)
     */
    public record ServerSide(double framesAnalysed, double cpuSeconds, long peakHeapBytes) {
    }

    /**
     * What the users experienced.
     *
     * @param cpuMillis this process's CPU time (the clients: rendering or playing clips, sockets), for the
     *     machine's share
     * @param loadBefore the machine's one-minute load average when the users started (-1 unknown)
     * @param loadAfter the same when the last user was done
     * @param footage where the frames came from (the clip library's summary, or live rendering)
     */
    public record Report(List<LiveCaptureClient.Result> results, List<LiveCaptureClient.Result> attackers,
            List<Challenge> replayedOrder, ReplayPace replayPace, long wallMillis, long cpuMillis, int cores,
            ServerSide server,
            double loadBefore, double loadAfter, String footage) {

        static final String HEADER = "| users | approved | rejected | other | BUSY | queue wait max "
                + "| time to result p50 / p95 | reply latency p50 / p95 | frames sent per user per s "
                + "| frames analysed per user per s | frames skipped | server CPU | server heap peak | client CPU "
                + "| load average |\n"
                + "| ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: "
                + "| ---: |";

        public long approved() {
            return results.stream().filter(LiveCaptureClient.Result::approved).count();
        }

        public long rejected() {
            return results.stream().filter(r -> "REJECT".equals(r.outcome())).count();
        }

        public String row() {
            List<Long> times = results.stream().filter(r -> r.timeToResultMillis() >= 0)
                    .map(LiveCaptureClient.Result::timeToResultMillis).sorted().toList();
            List<Long> latencies = results.stream().flatMap(r -> r.replyLatencyNanos().stream()).sorted().toList();
            long sent = results.stream().mapToLong(LiveCaptureClient.Result::framesSent).sum();
            long skipped = results.stream().mapToLong(LiveCaptureClient.Result::framesSkipped).sum();
            double streamSeconds = results.stream().mapToLong(LiveCaptureClient.Result::streamingMillis).sum() / 1e3;
            String other = results.stream().filter(r -> !r.approved() && !"REJECT".equals(r.outcome()))
                    .collect(Collectors.groupingBy(LiveCaptureClient.Result::outcome, TreeMap::new,
                            Collectors.counting()))
                    .entrySet().stream().map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", "));
            long busy = results.stream().mapToLong(LiveCaptureClient.Result::busy).sum();
            long queueWait = results.stream().mapToLong(LiveCaptureClient.Result::queueWaitMillis).max().orElse(0);
            double cpuShare = 100.0 * server.cpuSeconds() * 1000 / Math.max(1, wallMillis) / cores;
            return String.format(Locale.ROOT,
                    "| %d | %d | %d | %s | %d | %s | %s / %s | %s / %s | %.1f | %s | %d of %d | %s | %s | %.0f %% | %s |",
                    results.size(), approved(), rejected(), other.isEmpty() ? "-" : other, busy, seconds(Long.valueOf(queueWait)),
                    seconds(quantile(times, 0.5)), seconds(quantile(times, 0.95)),
                    millis(quantile(latencies, 0.5)), millis(quantile(latencies, 0.95)),
                    streamSeconds == 0 ? 0 : sent / streamSeconds,
                    server.framesAnalysed() < 0 || streamSeconds == 0 ? "-"
                            : String.format(Locale.ROOT, "%.1f", server.framesAnalysed() / streamSeconds),
                    skipped, sent + skipped,
                    server.cpuSeconds() < 0 ? "-" : String.format(Locale.ROOT, "%.0f %%", cpuShare),
                    server.peakHeapBytes() < 0 ? "-" : (server.peakHeapBytes() >> 20) + " MB",
                    100.0 * cpuMillis / Math.max(1, wallMillis) / cores,
                    loadBefore < 0 ? "-" : String.format(Locale.ROOT, "%.0f -> %.0f", loadBefore, loadAfter));
        }

        /**
         * The attackers' line: how many were approved, their outcomes, the cancels they made and the attempts the
         * server counted (every challenge each attacker was asked, in order, is in {@link #details}); empty without
         * attackers.
         */
        public String attackerSummary() {
            if (attackers.isEmpty()) {
                return "";
            }
            long approved = attackers.stream().filter(LiveCaptureClient.Result::approved).count();
            String outcomes = attackers.stream().collect(Collectors.groupingBy(LiveCaptureClient.Result::outcome,
                    TreeMap::new, Collectors.counting())).toString();
            int cancels = attackers.stream().mapToInt(LiveCaptureClient.Result::abandons).sum();
            int counted = attackers.stream().mapToInt(LiveCaptureClient.Result::attempts).sum();
            return String.format(Locale.ROOT, "attackers replaying %s %s and cancelling anything else: %d, approved %d, "
                    + "outcomes %s, %d cancels, %d counted attempts", replayedOrder,
                    replayPace.description(), attackers.size(), approved,
                    outcomes, cancels, counted);
        }

        /**
         * Where the time to result went: for the users approved on their first attempt, the median time after the
         * {@code start} at which each step came (challenge 1, passed 1, challenge 2, ..., processing, result).
         */
        public String phaseSummary() {
            List<List<LiveCaptureClient.Phase>> firstTry = results.stream()
                    .filter(r -> r.approved() && r.attempts() == 1 && r.busy() == 0)
                    .map(LiveCaptureClient.Result::phases).toList();
            int steps = firstTry.stream().mapToInt(List::size).min().orElse(0);
            StringBuilder out = new StringBuilder("steps of first-try approvals (median ms after start, "
                    + firstTry.size() + " users):");
            for (int i = 0; i < steps; i++) {
                int step = i;
                List<Long> at = firstTry.stream().map(p -> p.get(step).millis()).sorted().toList();
                out.append(' ').append(firstTry.get(0).get(step).type()).append(' ').append(quantile(at, 0.5));
            }
            return out.toString();
        }

        /** One line per user and attacker, then the client side's cost. */
        public String details() {
            StringBuilder out = new StringBuilder(footage).append(System.lineSeparator());
            List<LiveCaptureClient.Result> everyone = new ArrayList<>(results);
            everyone.addAll(attackers);
            for (int i = 0; i < everyone.size(); i++) {
                LiveCaptureClient.Result r = everyone.get(i);
                out.append(String.format(Locale.ROOT, i < results.size() ? "user %d: " : "attacker %d: ",
                        i < results.size() ? i + 1 : i + 1 - results.size()));
                out.append(String.format(Locale.ROOT, "%s %s after %d attempt(s) %s, asked %s (%d repeated), %s,"
                                + " %d frames sent, %d skipped, render %.1f ms/frame, %d BUSY, queued %.1f s,"
                                + " lowest rate %d, %d cancelled%n", r.face(), r.outcome(),
                        r.attempts(), r.results(), r.challenges(), r.repeats(),
                        r.timeToResultMillis() < 0 ? "no result" : seconds(r.timeToResultMillis()), r.framesSent(),
                        r.framesSkipped(), r.framesSent() == 0 ? 0 : r.renderNanos() / 1e6 / r.framesSent(),
                        r.busy(), r.queueWaitMillis() / 1e3, r.minRate(), r.abandons()));
            }
            out.append(String.format(Locale.ROOT, "wall %.1f s; client process CPU %.1f s (%.0f %% of %d cores)",
                    wallMillis / 1e3, cpuMillis / 1e3, 100.0 * cpuMillis / Math.max(1, wallMillis) / cores, cores));
            return out.toString();
        }

        private static Long quantile(List<Long> sorted, double q) {
            return sorted.isEmpty() ? null : sorted.get((int) Math.round(q * (sorted.size() - 1)));
        }

        private static String seconds(Long ms) {
            return ms == null ? "-" : String.format(Locale.ROOT, "%.1f s", ms / 1e3);
        }

        private static String millis(Long nanos) {
            return nanos == null ? "-" : String.format(Locale.ROOT, "%.0f ms", nanos / 1e6);
        }
    }

    /** Refuses any target that is not on this machine: every address the host resolves to must be loopback. */
    static void requireLoopback(URI uri) {
        String host = uri.getHost();
        check(host != null && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())),
                "not an http(s) URL: " + uri);
        try {
            InetAddress[] addresses = InetAddress.getAllByName(host);
            for (InetAddress address : addresses) {
                check(address.isLoopbackAddress(), "refused: " + host + " is not a loopback address (" + address
                        + "); this tool only runs against a portal on this machine");
            }
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("unknown host " + host, e);
        }
    }

    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return 0;
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
