package dev.livecheck.core.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * The parsed command line: {@code COMMAND DIR [--threads N] [--details] [--fps N] [--max-frames N] [--json]}.
 * Each command accepts only the options that mean something to it, so a typo
 * fails loudly instead of being ignored.
 */
record CliOptions(String command, Path dir, int threads, boolean details, int fps, int maxFrames, boolean json) {

    static final int DEFAULT_MAX_FRAMES = 300;

    private static final Set<String> EVALUATE_OPTIONS = Set.of("--threads", "--details", "--fps");
    private static final Set<String> BENCH_OPTIONS = Set.of("--threads", "--max-frames", "--json", "--fps");

    static CliOptions parse(String[] args) throws UsageException {
        if (args.length == 0) {
            throw new UsageException("no command given");
        }
        String command = args[0];
        Set<String> allowed = switch (command) {
            case "evaluate" -> EVALUATE_OPTIONS;
            case "bench" -> BENCH_OPTIONS;
            default -> throw new UsageException("unknown command '" + command + "'");
        };
        Path dir = null;
        int threads = Runtime.getRuntime().availableProcessors();
        int maxFrames = DEFAULT_MAX_FRAMES;
        int fps = 0;
        boolean details = false;
        boolean json = false;
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                if (dir != null) {
                    throw new UsageException(command + " takes one DIR, got '" + dir + "' and '" + arg + "'");
                }
                dir = Path.of(arg);
                continue;
            }
            if (!allowed.contains(arg)) {
                throw new UsageException(command + " does not know the option " + arg);
            }
            switch (arg) {
                case "--threads" -> threads = positiveInt(arg, args, ++i);
                case "--max-frames" -> maxFrames = positiveInt(arg, args, ++i);
                case "--fps" -> fps = positiveInt(arg, args, ++i);
                case "--details" -> details = true;
                case "--json" -> json = true;
                default -> throw new IllegalStateException("option without handling: " + arg);
            }
        }
        if (dir == null) {
            throw new UsageException(command + " needs a DIR of recordings");
        }
        if (!Files.isDirectory(dir)) {
            throw new UsageException("DIR " + dir + " is not a directory");
        }
        return new CliOptions(command, dir, threads, details, fps, maxFrames, json);
    }

    private static int positiveInt(String option, String[] args, int index) throws UsageException {
        if (index >= args.length) {
            throw new UsageException(option + " needs a number");
        }
        try {
            int value = Integer.parseInt(args[index]);
            if (value < 1) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new UsageException(option + " needs a positive whole number, got '" + args[index] + "'");
        }
    }
}
