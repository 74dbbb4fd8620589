import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.*;
import java.util.concurrent.*;
import javax.imageio.*;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** java CaptureAbuse.java BASE TICKET: 50 sockets on one link, then a progressive JPEG frame on a served one. */
public class CaptureAbuse {
    public static void main(String[] args) throws Exception {
        String base = args[0], ticket = args[1];
        URI ws = URI.create(base.replaceFirst("^http", "ws") + "/ws/capture?ticket=" + ticket);
        HttpClient http = HttpClient.newHttpClient();
        List<Client> clients = new ArrayList<>();
        List<CompletableFuture<WebSocket>> opening = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            Client c = new Client();
            clients.add(c);
            opening.add(http.newWebSocketBuilder().header("Origin", base).buildAsync(ws, c));
        }
        for (int i = 0; i < 50; i++) clients.get(i).socket = opening.get(i).get(30, TimeUnit.SECONDS);
        int ready = 0, refused = 0;
        Client served = null;
        for (Client c : clients) {
            String first = c.messages.poll(20, TimeUnit.SECONDS);
            if (first != null && first.contains("\"ready\"")) { ready++; served = c; }
            else if (first != null && first.contains("TOO_MANY_CONNECTIONS")) {
                Integer code = c.closed.get(10, TimeUnit.SECONDS);
                if (code == 1008) refused++;
            }
        }
        System.out.println("50 sockets on one link: " + ready + " served (ready), " + refused
                + " refused with TOO_MANY_CONNECTIONS and close 1008");
        served.socket.sendText("{\"type\":\"start\"}", true).get();
        served.socket.sendBinary(ByteBuffer.wrap(progressiveJpeg()), true).get();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        String answer = null;
        while (System.nanoTime() < end) {
            String m = served.messages.poll(1, TimeUnit.SECONDS);
            if (m != null && m.contains("\"error\"")) { answer = m; break; }
        }
        System.out.println("progressive JPEG frame answered: " + answer);
        served.socket.sendText("{\"type\":\"cancel\"}", true).get();
        System.exit(ready <= 2 && answer != null && answer.contains("NOT_JPEG") ? 0 : 1);
    }

    static byte[] progressiveJpeg() throws Exception {
        BufferedImage img = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
        ImageWriter w = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam p = w.getDefaultWriteParam();
        p.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream s = new MemoryCacheImageOutputStream(out)) {
            w.setOutput(s);
            w.write(null, new IIOImage(img, null, null), p);
        }
        return out.toByteArray();
    }

    static final class Client implements WebSocket.Listener {
        final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
        final CompletableFuture<Integer> closed = new CompletableFuture<>();
        final StringBuilder partial = new StringBuilder();
        volatile WebSocket socket;
        public CompletionStage<?> onText(WebSocket s, CharSequence data, boolean last) {
            partial.append(data);
            if (last) { messages.add(partial.toString()); partial.setLength(0); }
            s.request(1);
            return null;
        }
        public CompletionStage<?> onClose(WebSocket s, int code, String reason) { closed.complete(code); return null; }
        public void onError(WebSocket s, Throwable e) { closed.complete(-1); }
    }
}
