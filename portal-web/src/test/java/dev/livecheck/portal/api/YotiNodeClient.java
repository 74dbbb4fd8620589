package dev.livecheck.portal.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Drives Livecheck's {@code /idverify/v1} API with Yoti's published Node SDK ({@code yoti}, pinned in
 * {@code src/test/node/yoti-client/package.json}) through our driver script {@code idv-client.js}.
 *
 * <p>The first use in a JVM copies {@code package.json}, {@code package-lock.json} and {@code idv-client.js}
 * to {@code target/yoti-client/} and runs {@code npm ci} there, unless {@code node_modules} already holds an
 * install of the same lockfile. Node.js and npm must be on the PATH; without them every call fails (never
 * skips) with the install step: {@code apt-get install nodejs npm} on Debian, as {@code .ci/run} does.
 *
 * <p>Each call runs {@code node idv-client.js <args>} with {@code LIVECHECK_API_URL}, {@code LIVECHECK_SDK_ID}
 * and {@code LIVECHECK_PEM_FILE} and returns the one JSON line it prints. The script's subcommands and output
 * are described at the top of {@code idv-client.js}.
 */
public final class YotiNodeClient {

    /** How long one {@code node idv-client.js} run may take. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    static final String INSTALL_HINT =
            "install Node.js and npm (Debian: apt-get install nodejs npm, as .ci/run does)";

    private static final Duration TOOL_CHECK_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration NPM_CI_TIMEOUT = Duration.ofMinutes(10);
    private static final List<String> FILES = List.of("package.json", "package-lock.json", "idv-client.js");
    private static final String MARKER = ".livecheck-lock-sha256";
    private static final int EXIT_OK = 0;
    private static final int EXIT_ERROR = 2;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final boolean WINDOWS = System.getProperty("os.name", "").toLowerCase().startsWith("windows");

    private static final Object INSTALL_LOCK = new Object();
    private static Path installedDir;

    private final String apiUrl;
    private final String sdkId;
    private final Path pemFile;
    private final Duration timeout;

    /**
     * @param apiUrl  the API's base URL, e.g. {@code http://localhost:8080/idverify/v1}; null leaves it unset
     * @param sdkId   the SDK id the requests are signed for; null leaves it unset
     * @param pemFile the matching RSA private key (PEM); null leaves it unset
     */
    public YotiNodeClient(String apiUrl, String sdkId, Path pemFile) {
        this(apiUrl, sdkId, pemFile, DEFAULT_TIMEOUT);
    }

    private YotiNodeClient(String apiUrl, String sdkId, Path pemFile, Duration timeout) {
        this.apiUrl = apiUrl;
        this.sdkId = sdkId;
        this.pemFile = pemFile;
        this.timeout = timeout;
    }

    public YotiNodeClient withTimeout(Duration newTimeout) {
        return new YotiNodeClient(apiUrl, sdkId, pemFile, newTimeout);
    }

    /** What one run printed: its JSON line, exit code (0 success, 2 error) and stderr. */
    public record Result(JsonNode json, int exitCode, String stderr) {

        public boolean isError() {
            return exitCode != EXIT_OK;
        }

        /** The success JSON; throws with the error JSON and stderr if the run failed. */
        public JsonNode ok() {
            if (isError()) {
                throw new IllegalStateException("idv-client.js failed: " + json + "\nstderr:\n" + stderr);
            }
            return json;
        }

        /** The error JSON ({@code {"error":..,"status":..}}); throws if the run succeeded. */
        public JsonNode error() {
            if (!isError()) {
                throw new IllegalStateException("idv-client.js was expected to fail but printed " + json);
            }
            return json;
        }
    }

    /** Runs {@code node idv-client.js args...}; a clean JSON error (exit 2) is returned, not thrown. */
    public Result run(String... args) {
        Path dir = installedClient();
        List<String> command = new ArrayList<>(List.of("node", "idv-client.js"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
        Map<String, String> env = builder.environment();
        putOrRemove(env, "LIVECHECK_API_URL", apiUrl);
        putOrRemove(env, "LIVECHECK_SDK_ID", sdkId);
        putOrRemove(env, "LIVECHECK_PEM_FILE", pemFile == null ? null : pemFile.toAbsolutePath().toString());
        Finished done = runProcess(builder, timeout, "node idv-client.js " + String.join(" ", args));
        if (done.exitCode != EXIT_OK && done.exitCode != EXIT_ERROR) {
            throw new IllegalStateException("node idv-client.js " + String.join(" ", args) + " exited with "
                    + done.exitCode + "\nstdout:\n" + done.stdout + "\nstderr:\n" + done.stderr);
        }
        String line = done.stdout.strip();
        if (line.isEmpty() || line.contains("\n")) {
            throw new IllegalStateException("node idv-client.js " + String.join(" ", args)
                    + " did not print exactly one JSON line (exit " + done.exitCode + ")\nstdout:\n" + done.stdout
                    + "\nstderr:\n" + done.stderr);
        }
        try {
            return new Result(JSON.readTree(line), done.exitCode, done.stderr);
        } catch (JacksonException e) {
            throw new IllegalStateException("node idv-client.js printed invalid JSON: " + line
                    + "\nstderr:\n" + done.stderr, e);
        }
    }

    /** {@code create <options>}: options as in idv-client.js (e.g. maxRetries, notification, successUrl). */
    public Result create(Map<String, ?> options) {
        return run("create", JSON.writeValueAsString(options));
    }

    public Result get(String sessionId) {
        return run("get", sessionId);
    }

    public Result media(String sessionId, String mediaId, Path outFile) {
        return run("media", sessionId, mediaId, outFile.toAbsolutePath().toString());
    }

    public Result deleteMedia(String sessionId, String mediaId) {
        return run("delete-media", sessionId, mediaId);
    }

    public Result delete(String sessionId) {
        return run("delete", sessionId);
    }

    public Result config(String sessionId) {
        return run("config", sessionId);
    }

    private static void putOrRemove(Map<String, String> env, String name, String value) {
        if (value == null) {
            env.remove(name);
        } else {
            env.put(name, value);
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // install (once per JVM)

    /** target/yoti-client with the current script and an npm ci of the current lockfile. */
    static Path installedClient() {
        synchronized (INSTALL_LOCK) {
            if (installedDir == null) {
                installedDir = install();
            }
            return installedDir;
        }
    }

    private static Path install() {
        Path module = moduleDir();
        Path source = module.resolve("src/test/node/yoti-client");
        Path target = module.resolve("target/yoti-client");
        requireTool("node");
        requireTool(npm());
        try {
            Files.createDirectories(target);
            for (String file : FILES) {
                Files.copy(source.resolve(file), target.resolve(file), StandardCopyOption.REPLACE_EXISTING);
            }
            String hash = sha256(target.resolve("package.json"), target.resolve("package-lock.json"));
            Path marker = target.resolve("node_modules").resolve(MARKER);
            boolean upToDate = Files.isRegularFile(marker)
                    && Files.readString(marker).strip().equals(hash)
                    && Files.isRegularFile(target.resolve("node_modules/yoti/package.json"));
            if (!upToDate) {
                // --ignore-scripts: no dependency's install script runs (none is needed by the SDK).
                ProcessBuilder npmCi = new ProcessBuilder(npm(), "ci", "--no-audit", "--no-fund", "--ignore-scripts")
                        .directory(target.toFile());
                Finished done = runProcess(npmCi, NPM_CI_TIMEOUT, "npm ci");
                if (done.exitCode != 0) {
                    throw new IllegalStateException("npm ci in " + target + " failed with exit " + done.exitCode
                            + " (it needs the npm registry)\nstdout:\n" + done.stdout + "\nstderr:\n" + done.stderr);
                }
                Files.writeString(marker, hash + "\n");
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("preparing " + target, e);
        }
    }

    /** The portal-web module directory: Maven's basedir, else the working directory (surefire runs there). */
    private static Path moduleDir() {
        String basedir = System.getProperty("basedir");
        Path dir = Path.of(basedir != null ? basedir : System.getProperty("user.dir")).toAbsolutePath();
        if (!Files.isDirectory(dir.resolve("src/test/node/yoti-client")) && Files.isDirectory(dir.resolve("portal-web"))) {
            dir = dir.resolve("portal-web");
        }
        if (!Files.isDirectory(dir.resolve("src/test/node/yoti-client"))) {
            throw new IllegalStateException("cannot find src/test/node/yoti-client under " + dir);
        }
        return dir;
    }

    private static String npm() {
        return WINDOWS ? "npm.cmd" : "npm";
    }

    private static void requireTool(String tool) {
        Finished done;
        try {
            done = runProcess(new ProcessBuilder(tool, "--version"), TOOL_CHECK_TIMEOUT, tool + " --version");
        } catch (IllegalStateException e) {
            throw new IllegalStateException("'" + tool + "' is not on the PATH; the Yoti SDK tests need it: "
                    + INSTALL_HINT, e);
        }
        if (done.exitCode != 0) {
            throw new IllegalStateException("'" + tool + " --version' failed (exit " + done.exitCode + "): "
                    + done.stderr + "; " + INSTALL_HINT);
        }
    }

    private static String sha256(Path... files) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Path file : files) {
                digest.update(Files.readAllBytes(file));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // processes

    private record Finished(int exitCode, String stdout, String stderr) {}

    /** Runs to completion with stdout/stderr in temporary files (no pipe can fill up); kills it on timeout. */
    private static Finished runProcess(ProcessBuilder builder, Duration limit, String what) {
        Path out = null;
        Path err = null;
        try {
            out = Files.createTempFile("yoti-node-", ".out");
            err = Files.createTempFile("yoti-node-", ".err");
            builder.redirectInput(ProcessBuilder.Redirect.from(nullDevice()))
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            Process process;
            try {
                process = builder.start();
            } catch (IOException e) {
                throw new IllegalStateException("cannot run " + what + ": " + e.getMessage() + "; " + INSTALL_HINT, e);
            }
            boolean finished;
            try {
                finished = process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while running " + what, e);
            }
            if (!finished) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new IllegalStateException(what + " did not finish within " + limit + "\nstdout:\n"
                        + Files.readString(out) + "\nstderr:\n" + Files.readString(err));
            }
            return new Finished(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("running " + what, e);
        } finally {
            deleteQuietly(out);
            deleteQuietly(err);
        }
    }

    private static java.io.File nullDevice() {
        return new java.io.File(WINDOWS ? "NUL" : "/dev/null");
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temporary file; the OS cleans up
            }
        }
    }
}
