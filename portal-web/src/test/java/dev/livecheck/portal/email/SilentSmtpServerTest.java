package dev.livecheck.portal.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.livecheck.persistence.business.Business;
import dev.livecheck.persistence.business.Businesses;
import dev.livecheck.persistence.outbox.EmailOutbox;
import dev.livecheck.persistence.outbox.Outbox;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * An SMTP server that accepts connections and never answers, with the shipped mail settings (no timeouts set here):
 * the outbox sender gives up after the configured read timeout and retries later, the capture ticker keeps ticking
 * meanwhile (the scheduled jobs have their own threads), and the health endpoint stays UP (mail is not part of it).
 */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:silent-smtp;DB_CLOSE_DELAY=-1")
@AutoConfigureMockMvc
@ActiveProfiles("test")
class SilentSmtpServerTest {
    private static final SilentServer SMTP = new SilentServer();

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", SMTP::port);
    }

    @AfterAll
    static void stopServer() throws IOException {
        SMTP.close();
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    Businesses businesses;
    @Autowired
    Outbox outbox;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    @Qualifier("captureTicker")
    ScheduledExecutorService captureTicker;

    @Test
    void aSilentSmtpServerDelaysNeitherCaptureTicksNorHealthAndTheEmailIsRetriedLater() throws Exception {
        Business business = businesses.insert(Business.create("Silent " + UUID.randomUUID(), Instant.now()));
        EmailOutbox mail = outbox.insert(EmailOutbox.pending(business.id(), null, "rita@example.test", "Check",
                "Hello Rita", null, Instant.now()));

        assertThat(SMTP.accepted.await(20, TimeUnit.SECONDS)).as("the sender connected").isTrue();
        // The sender now waits for the server's greeting. A capture tick must not wait for it.
        CountDownLatch ticked = new CountDownLatch(1);
        captureTicker.execute(ticked::countDown);
        assertThat(ticked.await(2, TimeUnit.SECONDS)).as("capture ticker runs while the sender waits").isTrue();

        mvc.perform(get("/actuator/health")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));

        await().atMost(Duration.ofSeconds(40)).until(() -> attempts(mail) >= 1);
        assertThat(jdbc.sql("SELECT status, last_error FROM email_outbox WHERE id = ?").param(mail.id())
                .query((rs, n) -> rs.getString(1) + " " + rs.getString(2)).single())
                .startsWith("PENDING ").containsIgnoringCase("timed out");
    }

    private int attempts(EmailOutbox mail) {
        return jdbc.sql("SELECT attempt_count FROM email_outbox WHERE id = ?").param(mail.id())
                .query(Integer.class).single();
    }

    /** Accepts TCP connections on 127.0.0.1 and keeps them open without ever sending a byte. */
    static final class SilentServer implements AutoCloseable {
        private final ServerSocket socket;
        private final List<Socket> open = new CopyOnWriteArrayList<>();
        final CountDownLatch accepted = new CountDownLatch(1);

        SilentServer() {
            try {
                socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            Thread acceptor = new Thread(this::acceptForever, "silent-smtp");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        private void acceptForever() {
            while (!socket.isClosed()) {
                try {
                    open.add(socket.accept());
                    accepted.countDown();
                } catch (IOException e) {
                    return;
                }
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
            for (Socket s : open) {
                s.close();
            }
        }
    }
}
