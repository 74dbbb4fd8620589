package dev.livecheck.core.cli;

import dev.livecheck.core.engine.LivenessEngine;
import dev.livecheck.core.engine.NativeMemory;
import java.io.PrintStream;

/**
 * {@code liveness-cli}: {@code evaluate} judges recordings offline,
 * {@code bench} measures the engine's speed. Exit status: 0 success,
 * 1 when some recording could not be read or judged, 2 on bad arguments.
 */
public final class LivenessCli {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int BAD_ARGUMENTS = 2;

    static final String USAGE = """
            usage: java -jar liveness-cli.jar COMMAND DIR [options]
              evaluate DIR [--threads N] [--details] [--fps N]
                  judge every recording (sub-folder) of DIR; one JSON line each, in name order
                  --details adds each recording's sub-checks
                  --fps N judges only the frames a server analysing at most N a second keeps
              bench DIR [--threads N] [--max-frames N] [--json] [--fps N]
                  per-frame latency on 1 and N threads, and decision latency,
                  over at most --max-frames frames (default 300) of DIR's recordings
                  --fps N times only the frames a server analysing at most N a second keeps
              --threads N defaults to the number of processors
            exit status: 0 ok, 1 a recording could not be read or judged, 2 bad arguments""";

    private LivenessCli() {
    }

    public static void main(String[] args) {
        NativeMemory.configure();
        System.exit(run(args, System.out, System.err));
    }

    /** Runs one command; never calls {@code System.exit}, so tests can call it. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        CliOptions options;
        try {
            options = CliOptions.parse(args);
        } catch (UsageException e) {
            err.println("error: " + e.getMessage());
            err.println(USAGE);
            return BAD_ARGUMENTS;
        }
        try {
            return execute(options, out, err);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("error: interrupted");
            return FAILED;
        } catch (Exception e) {
            err.println("error: " + e);
            return FAILED;
        }
    }

    private static int execute(CliOptions options, PrintStream out, PrintStream err) throws Exception {
        return switch (options.command()) {
            case "evaluate" -> {
                try (LivenessEngine engine = LivenessEngine.withBundledModels()) {
                    yield new EvaluateCommand(engine.warmUp()).run(options, out);
                }
            }
            case "bench" -> new BenchCommand().run(options, out, err);
            default -> throw new IllegalStateException("command without handling: " + options.command());
        };
    }
}
