package dev.livecheck.core.cli;

import dev.livecheck.core.engine.FrameSampler;
import dev.livecheck.core.engine.LivenessEngine;
import dev.livecheck.core.recording.Recording;
import dev.livecheck.core.recording.RecordingFormatException;
import dev.livecheck.core.recording.RecordingReader;
import dev.livecheck.core.report.LivenessAuth;
import dev.livecheck.core.report.LivenessReport;
import dev.livecheck.core.report.Reasons;
import dev.livecheck.core.report.Recommendation;
import dev.livecheck.core.report.ReportJson;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code evaluate DIR}: judges every recording in DIR and prints one JSON line
 * per recording, in name order. Recordings are judged on several threads, but
 * each line is printed as soon as it and all lines before it are ready, so the
 * output is both ordered and streaming.
 */
final class EvaluateCommand {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    /** One printed line, and whether the recording behind it could be read and judged. */
    private record Line(String json, boolean judged) {
    }

    private final LivenessEngine engine;
    private final RecordingReader reader = new RecordingReader();

    EvaluateCommand(LivenessEngine engine) {
        this.engine = engine;
    }

    /** @return 0 when every recording was judged, 1 when any could not be */
    int run(CliOptions options, PrintStream out) throws IOException, InterruptedException {
        List<Path> folders = RecordingFolders.list(options.dir());
        ExecutorService pool = Executors.newFixedThreadPool(options.threads());
        try {
            // Submitting everything up front is cheap: only `threads` recordings are in memory at once.
            List<Future<Line>> lines = folders.stream()
                    .map(folder -> pool.submit(() -> evaluate(folder, options)))
                    .toList();
            boolean allJudged = true;
            for (Future<Line> pending : lines) {
                Line line = resultOf(pending);
                out.println(line.json());
                out.flush();
                allJudged &= line.judged();
            }
            return allJudged ? 0 : 1;
        } finally {
            pool.shutdownNow();
        }
    }

    private Line evaluate(Path folder, CliOptions options) throws InterruptedException {
        String name = folder.getFileName().toString();
        long start = System.nanoTime();
        try {
            Recording recording = FrameSampler.keptFrom(reader.read(folder), options.fps());
            // "millis" is the core's time on the recording: reading files from disk is not part of it
            long coreStart = System.nanoTime();
            LivenessReport report = engine.evaluate(recording);
            return new Line(reportLine(name, report, millisSince(coreStart), options.details()), true);
        } catch (RecordingFormatException e) {
            return new Line(errorLine(name, Reasons.BAD_RECORDING, e.getMessage(), millisSince(start)), false);
        } catch (RuntimeException e) {
            // The engine promises not to throw; if it does anyway, one recording must not end the run.
            return new Line(errorLine(name, Reasons.ENGINE_ERROR, String.valueOf(e), millisSince(start)), false);
        }
    }

    private static String reportLine(String name, LivenessReport report, long millis, boolean details) {
        return JSON.writeValueAsString(ReportJson.evaluateLine(name, report, millis, details));
    }

    private static String errorLine(String name, String reason, String message, long millis) {
        ObjectNode line = ReportJson.evaluateLine(name, Recommendation.NOT_AVAILABLE, LivenessAuth.FAIL, reason, millis);
        line.put("message", message);
        return JSON.writeValueAsString(line);
    }

    private static Line resultOf(Future<Line> pending) throws InterruptedException {
        try {
            return pending.get();
        } catch (ExecutionException e) {
            // evaluate() catches everything but Errors; let those surface.
            throw new IllegalStateException("evaluation failed", e.getCause());
        }
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
