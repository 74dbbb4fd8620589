import java.awt.*;
import java.awt.image.BufferedImage;
import java.io.*;
import java.net.URI;
import java.net.http.*;
import java.nio.ByteBuffer;
import java.util.concurrent.*;
import javax.imageio.ImageIO;

/** java scripts/StillPhotoAttack.java BASE TICKET PHOTO: a printed-photo attack — one still picture sent at 10 fps until the result. */
public class StillPhotoAttack {
    public static void main(String[] a) throws Exception {
        BufferedImage photo = ImageIO.read(new File(a[2]));
        BufferedImage frame = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = frame.createGraphics();
        g.setColor(new Color(120, 120, 110)); g.fillRect(0, 0, 640, 480);
        double s = Math.min(360.0 / photo.getWidth(), 400.0 / photo.getHeight());
        int w = (int) (photo.getWidth() * s), h = (int) (photo.getHeight() * s);
        g.drawImage(photo, (640 - w) / 2, (480 - h) / 2, w, h, null); g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream(); ImageIO.write(frame, "jpg", out);
        byte[] jpeg = out.toByteArray();
        BlockingQueue<String> msgs = new LinkedBlockingQueue<>();
        WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder().header("Origin", a[0])
            .buildAsync(URI.create(a[0].replaceFirst("^http", "ws") + "/ws/capture?ticket=" + a[1]), new WebSocket.Listener() {
                StringBuilder p = new StringBuilder();
                public CompletionStage<?> onText(WebSocket s, CharSequence d, boolean last) {
                    p.append(d); if (last) { msgs.add(p.toString()); p.setLength(0); } s.request(1); return null; }
            }).get(20, TimeUnit.SECONDS);
        System.out.println("< " + msgs.poll(20, TimeUnit.SECONDS));
        ws.sendText("{\"type\":\"start\"}", true).get();
        long end = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < end) {
            ws.sendBinary(ByteBuffer.wrap(jpeg), true).get();
            String m;
            while ((m = msgs.poll()) != null) {
                if (!m.contains("\"progress\"")) System.out.println("< " + m);
                if (m.contains("\"result\"") || m.contains("\"error\"")) { System.exit(0); }
            }
            Thread.sleep(100);
        }
        System.exit(1);
    }
}
