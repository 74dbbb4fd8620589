package dev.livecheck.portal.loadtest;

import dev.livecheck.core.attempt.Challenge;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the load test's client costs a frame when it plays a {@link ClipLibrary} (a measurement tool, not a test):
 * one thread picks frames from a {@link ClipLibrary.Player} and sends each on a real WebSocket (the JDK client the
 * load test uses, masking included) to a sink on loopback that only reads and discards, one frame in flight at a time
 * like a user, as fast as it can for the given seconds. Prints frames a second and the client's CPU a frame (the
 * process's CPU time less the sink thread's), and, alone, the cost of picking a frame.
 *
 * <pre>ClipSendBenchmark [SECONDS (default 10)]</pre>
 */
public final class ClipSendBenchmark {

    private static final Pattern KEY = Pattern.compile("(?im)^Sec-WebSocket-Key:\\s*(\\S+)\\s*$");

    private ClipSendBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 10;
        ClipLibrary library = ClipLibrary.render(1, 1);
        System.out.println(library.summary());
        ClipLibrary.Player player = library.player(0);

        long picks = 2_000_000;
        long p0 = System.nanoTime();
        long sum = 0;
        for (long i = 0; i < picks; i++) {
            sum += player.frame(i * 7, i % 500 == 0 ? Challenge.LOOK_UP : null).remaining();
        }
        double pickNanos = (System.nanoTime() - p0) / (double) picks;
        System.out.printf(Locale.ROOT, "picking a frame from the clips: %.0f ns (checksum %d)%n", pickNanos, sum % 7);

        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            long[] sinkThread = new long[1];
            Thread sink = new Thread(() -> sink(server), "sink");
            sink.setDaemon(true);
            sink.start();
            sinkThread[0] = sink.getId();
            HttpClient http = HttpClient.newHttpClient();
            WebSocket socket = http.newWebSocketBuilder()
                    .buildAsync(URI.create("ws://127.0.0.1:" + server.getLocalPort() + "/"),
                            new WebSocket.Listener() { })
                    .get(10, TimeUnit.SECONDS);
            // warm up, then measure
            send(socket, player, 2_000, Long.MAX_VALUE);
            long cpu0 = processCpuNanos() - threads.getThreadCpuTime(sinkThread[0]);
            long t0 = System.nanoTime();
            long[] sent = send(socket, player, Long.MAX_VALUE, t0 + Math.round(seconds * 1e9));
            long wall = System.nanoTime() - t0;
            long cpu = processCpuNanos() - threads.getThreadCpuTime(sinkThread[0]) - cpu0;
            System.out.printf(Locale.ROOT, "sent %d frames (%.1f MB) in %.1f s on one sending thread: %.0f frames/s, "
                            + "client CPU %.1f us a frame (%.0f %% of a core; %d cores)%n", sent[0], sent[1] / 1e6,
                    wall / 1e9, sent[0] / (wall / 1e9), cpu / 1e3 / sent[0], 100.0 * cpu / wall,
                    Runtime.getRuntime().availableProcessors());
            socket.abort();
        }
    }

    /** Sends frames one at a time until {@code count} or {@code untilNanos}; returns {frames, bytes}. */
    private static long[] send(WebSocket socket, ClipLibrary.Player player, long count, long untilNanos) {
        long frames = 0;
        long bytes = 0;
        long clock = 0;
        while (frames < count && System.nanoTime() < untilNanos) {
            ByteBuffer frame = player.frame(clock, null);
            clock += 66;
            bytes += frame.remaining();
            socket.sendBinary(frame, true).join();
            frames++;
        }
        return new long[] {frames, bytes};
    }

    /** Answers one WebSocket handshake, then reads and discards everything. */
    private static void sink(ServerSocket server) {
        try (Socket s = server.accept()) {
            InputStream in = s.getInputStream();
            OutputStream out = s.getOutputStream();
            StringBuilder request = new StringBuilder();
            while (!request.toString().endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    return;
                }
                request.append((char) b);
            }
            Matcher key = KEY.matcher(request);
            if (!key.find()) {
                return;
            }
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(
                    (key.group(1) + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").getBytes(StandardCharsets.US_ASCII));
            out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Accept: " + Base64.getEncoder().encodeToString(digest) + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            byte[] buffer = new byte[1 << 16];
            while (in.read(buffer) >= 0) {
                // discard
            }
        } catch (IOException | java.security.NoSuchAlgorithmException e) {
            // the benchmark aborts the socket at the end
        }
    }

    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return 0;
    }
}
