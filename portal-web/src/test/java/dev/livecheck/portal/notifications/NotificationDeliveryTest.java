package dev.livecheck.portal.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livecheck.persistence.audit.AuditAction;
import dev.livecheck.persistence.notifications.DeliveryStatus;
import dev.livecheck.persistence.notifications.NotificationDelivery;
import dev.livecheck.persistence.notifications.NotificationDeliveryTry;
import dev.livecheck.persistence.notifications.NotificationTopic;
import dev.livecheck.persistence.sessions.VerificationSession;
import dev.livecheck.portal.TestData.ApiTenant;
import dev.livecheck.portal.TestData.Notify;
import dev.livecheck.portal.notifications.WebhookReceiver.Answer;
import dev.livecheck.portal.notifications.WebhookReceiver.Received;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * The sender against a real HTTP receiver on 127.0.0.1: what arrives (auth, content type, a signature a receiver can
 * verify), retries with tries logged, timeouts, redirects, refused endpoints that are never contacted, secrets that
 * no longer open, and two sender nodes on one database.
 */
class NotificationDeliveryTest extends NotificationsWebTest {
    private static final String ALL = "RESOURCE_UPDATE,CHECK_COMPLETION,SESSION_COMPLETION,CLIENT_SESSION_TOKEN_DELETED";
    private static final Pattern SIGNATURE = Pattern.compile("t=(\\d+),v1=([0-9a-f]{64})");

    @Test
    void bearerAndBasicAuthArriveWithTheJsonBodyAndAVerifiableSignature() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            ApiTenant t = data.apiTenant("Hooks", Instant.now());
            VerificationSession bearer = data.apiSession(t, 3, Instant.now(), Duration.ofHours(1),
                    Notify.bearer(receiver.url("/bearer"), ALL, "tok-123"));
            VerificationSession basic = data.apiSession(t, 3, Instant.now(), Duration.ofHours(1),
                    Notify.basic(receiver.url("/basic"), ALL, "username:password"));
            NotificationDelivery toBearer = enqueue(t, bearer, NotificationTopic.CHECK_COMPLETION, receiver.url("/bearer"));
            NotificationDelivery toBasic = enqueue(t, basic, NotificationTopic.SESSION_COMPLETION, receiver.url("/basic"));

            sender.sendDue();

            Received b = receiver.receivedAt("/bearer").get(0);
            assertThat(b.method()).isEqualTo("POST");
            assertThat(b.header("Authorization")).isEqualTo("Bearer tok-123");
            assertThat(b.header("Content-Type")).isEqualTo("application/json");
            assertThat(b.body()).isEqualTo("{\"session_id\":\"" + bearer.id() + "\",\"topic\":\"CHECK_COMPLETION\"}");
            assertSignedWith(t.secret(), b);

            Received basicAuth = receiver.receivedAt("/basic").get(0);
            // As the IDV API documents BASIC: the token ("user:password") Base64-encoded.
            assertThat(basicAuth.header("Authorization")).isEqualTo("Basic dXNlcm5hbWU6cGFzc3dvcmQ=");
            assertThat(basicAuth.body()).isEqualTo("{\"session_id\":\"" + basic.id() + "\",\"topic\":\"SESSION_COMPLETION\"}");
            assertSignedWith(t.secret(), basicAuth);

            for (NotificationDelivery d : List.of(toBearer, toBasic)) {
                NotificationDelivery sent = reload(d);
                assertThat(sent.status()).isEqualTo(DeliveryStatus.SENT);
                assertThat(sent.lastStatusCode()).isEqualTo(200);
                assertThat(sent.sentAt()).isNotNull();
                assertThat(triesOf(d)).extracting(NotificationDeliveryTry::statusCode).containsExactly(200);
            }
        }
    }

    @Test
    void aSignatureMadeWithAnotherSecretOrBodyDoesNotVerify() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            ApiTenant t = data.apiTenant("Forgery", Instant.now());
            VerificationSession s = data.apiSession(t, 3, Instant.now(), Duration.ofHours(1),
                    Notify.bearer(receiver.url("/hook"), ALL, "tok"));
            enqueue(t, s, NotificationTopic.RESOURCE_UPDATE, receiver.url("/hook"));
            sender.sendDue();
            Received r = receiver.receivedAt("/hook").get(0);
            Matcher m = SIGNATURE.matcher(r.header(NotificationSignature.HEADER));
            assertThat(m.matches()).isTrue();
            assertThat(hmacHex("another secret", m.group(1) + "." + r.body())).isNotEqualTo(m.group(2));
            assertThat(hmacHex(t.secret(), m.group(1) + "." + r.body().replace("RESOURCE", "CHECK")))
                    .isNotEqualTo(m.group(2));
        }
    }

    @Test
    void a500IsRetriedUntilA200AndBothTriesAreLogged() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver(Answer.status(500), Answer.status(200))) {
            ApiTenant t = data.apiTenant("Flaky", Instant.now());
            VerificationSession s = data.apiSession(t, 3, Instant.now(), Duration.ofHours(1),
                    Notify.bearer(receiver.url("/hook"), ALL, "tok"));
            NotificationDelivery d = enqueue(t, s, NotificationTopic.SESSION_COMPLETION, receiver.url("/hook"));

            sender.sendDue();
            NotificationDelivery afterFirst = reload(d);
            assertThat(afterFirst.status()).isEqualTo(DeliveryStatus.PENDING);
            assertThat(afterFirst.attemptCount()).isEqualTo(1);
            assertThat(afterFirst.lastStatusCode()).isEqualTo(500);
            assertThat(afterFirst.lastError()).startsWith("HTTP 500");
            // Backed off by the first retry delay: not due again yet.
            assertThat(afterFirst.nextAttemptAt()).isAfter(Instant.now().plus(properties.firstRetryDelay())
                    .minusSeconds(5));
            sender.sendDue();
            assertThat(receiver.receivedAt("/hook")).hasSize(1);

            makeDue(List.of(d));
            sender.sendDue();

            NotificationDelivery sent = reload(d);
            assertThat(sent.status()).isEqualTo(DeliveryStatus.SENT);
            assertThat(sent.attemptCount()).isEqualTo(2);
            assertThat(sent.lastError()).isNull();
            assertThat(receiver.receivedAt("/hook")).hasSize(2);
            List<NotificationDeliveryTry> log = triesOf(d);
            assertThat(log).extracting(NotificationDeliveryTry::statusCode).containsExactly(500, 200);
            assertThat(log.get(0).error()).isEqualTo("HTTP 500: answer 500");
            assertThat(log.get(1).error()).isNull();
            assertThat(log).allSatisfy(tr -> assertThat(tr.durationMs()).isNotNegative());
        }
    }

    @Test
    void onlyTheStartOfAResponseBodyIsReadEvenIfItNeverEnds() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver(Answer.endlessBody(500))) {
            ApiTenant t = data.apiTenant("Chatty", Instant.now());
            VerificationSession s = data.apiSession(t, 3, Instant.now(), Duration.ofHours(1),
                    Notify.bearer(receiver.url("/hook"), ALL, "tok"));
            NotificationDelivery d = enqueue(t, s, NotificationTopic.RESOURCE_UPDATE, receiver.url("/hook"));

            sender.sendDue();

            NotificationDelivery pending = reload(d);
            assertThat(pending.lastStatusCode()).isEqualTo(500);
            assertThat(pending.lastError()).isEqualTo("HTTP 500: " + "a".repeat(200) + "…");
            // Well within the deadline, and far less than the 64 MiB on offer (socket buffers take a few MiB at most):
            // the reader stopped after its cap and closed the connection.
            assertThat(triesOf(d).get(0).durationMs()).isLessThan(properties.tryDeadline().toMillis());
            assertThat(receiver.bytesStreamed()).isLessThan(32L * 1024 * 1024);
        }
    }

    @Test
    void aReceiverThatNeverAnswersTimesOutAndTheTryIsLogged() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver(Answer.never())) {
            ApiTenant t = data.apiTenant("Silent", Instant.now());
            VerificationSession s = data.apiSession(t, 3, Instant.now(), Duration.ofHours(1),
                    Notify.bearer(receiver.url("/hook"), ALL, "tok"));
            NotificationDelivery d = enqueue(t, s, NotificationTopic.RESOURCE_UPDATE, receiver.url("/hook"));
            assertThat(properties.requestTimeout()).isEqualTo(Duration.ofSeconds(10));
            NotificationSender impatient = node("impatient", withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1)),
                    true);

            long started = System.nanoTime();
            impatient.sendDue();
            long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

            assertThat(receiver.receivedAt("/hook")).hasSize(1);
            NotificationDelivery pending = reload(d);
            assertThat(pending.status()).isEqualTo(DeliveryStatus.PENDING);
            assertThat(pending.attemptCount()).isEqualTo(1);
            assertThat(pending.lastStatusCode()).isNull();
            assertThat(pending.lastError()).isEqualTo("no response within 1 s");
            NotificationDeliveryTry tr = triesOf(d).get(0);
            assertThat(tr.statusCode()).isNull();
            assertThat(tr.durationMs()).isBetween(900L, 5000L);
            assertThat(tookMs).isLessThan(9000);
        }
    }

    @Test
    void aRedirectIsNotFollowedAndCountsAsAFailedTry() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            try (WebhookReceiver redirecting = new WebhookReceiver(Answer.redirect(receiver.url("/elsewhere")))) {
                ApiTenant t = data.apiTenant("Redirect", Instant.now());
                VerificationSession s = data.apiSession(t, 3, Instant.now(), Duration.ofHours(1),
                        Notify.bearer(redirecting.url("/hook"), ALL, "tok"));
                NotificationDelivery d = enqueue(t, s, NotificationTopic.RESOURCE_UPDATE, redirecting.url("/hook"));

                sender.sendDue();

                assertThat(redirecting.received()).hasSize(1);
                assertThat(receiver.received()).isEmpty();
                NotificationDelivery pending = reload(d);
                assertThat(pending.status()).isEqualTo(DeliveryStatus.PENDING);
                assertThat(pending.lastStatusCode()).isEqualTo(302);
                assertThat(pending.lastError()).startsWith("HTTP 302 (redirects are not followed)");
                assertThat(triesOf(d)).extracting(NotificationDeliveryTry::statusCode).containsExactly(302);
            }
        }
    }

    @Test
    void withoutAllowPrivateNetworksLoopbackEndpointsFailWithoutAnyConnection() throws Exception {
        try (ConnectionCounter listener = new ConnectionCounter()) {
            ApiTenant t = data.apiTenant("Private", Instant.now());
            String byAddress = "http://127.0.0.1:" + listener.port() + "/hook";
            String byName = "https://localhost:" + listener.port() + "/hook";
            VerificationSession s = data.apiSession(t, 3, Instant.now(), Duration.ofHours(1),
                    Notify.bearer(byAddress, ALL, "tok"));
            NotificationDelivery http = enqueue(t, s, NotificationTopic.RESOURCE_UPDATE, byAddress);
            NotificationDelivery https = enqueue(t, s, NotificationTopic.CHECK_COMPLETION,
                    "https://127.0.0.1:" + listener.port() + "/hook");
            NotificationDelivery local = enqueue(t, s, NotificationTopic.SESSION_COMPLETION, byName);
            NotificationSender strict = node("strict", properties, false);

            strict.sendDue();

            for (NotificationDelivery d : List.of(http, https, local)) {
                NotificationDelivery failed = reload(d);
                assertThat(failed.status()).as(d.endpoint()).isEqualTo(DeliveryStatus.FAILED);
                assertThat(failed.attemptCount()).isEqualTo(1);
                assertThat(failed.lastError()).as(d.endpoint()).startsWith("endpoint refused");
                assertThat(triesOf(d)).hasSize(1);
            }
            assertThat(reload(http).lastError()).contains("https");
            assertThat(reload(https).lastError()).contains("private, loopback or link-local");
            assertThat(reload(local).lastError()).contains("private, loopback or link-local");
            assertThat(listener.accepted()).isZero();
            assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE business_id = ? AND action = ?")
                    .params(t.id(), AuditAction.NOTIFICATION_FAILED.name()).query(Long.class).single()).isEqualTo(3);
        }
    }

    /** A name that passes the written-URL check but resolves to a private address is refused after resolution. */
    @Test
    void aHostNameResolvingToAPrivateAddressIsRefusedAfterResolution() throws Exception {
        String host = InetAddress.getLocalHost().getHostName();
        InetAddress resolved = InetAddress.getByName(host);
        org.junit.jupiter.api.Assumptions.assumeTrue(resolved.isLoopbackAddress() || resolved.isSiteLocalAddress(),
                host + " resolves to a public address here");
        try (ConnectionCounter listener = new ConnectionCounter()) {
            ApiTenant t = data.apiTenant("Rebind", Instant.now());
            String endpoint = "https://" + host + ":" + listener.port() + "/hook";
            assertThat(new NotificationEndpointPolicy(false).problem(endpoint)).isEmpty();
            VerificationSession s = data.apiSession(t, 3, Instant.now(), Duration.ofHours(1),
                    Notify.bearer(endpoint, ALL, "tok"));
            NotificationDelivery d = enqueue(t, s, NotificationTopic.RESOURCE_UPDATE, endpoint);

            node("strict", properties, false).sendDue();

            NotificationDelivery failed = reload(d);
            assertThat(failed.status()).isEqualTo(DeliveryStatus.FAILED);
            assertThat(failed.lastError()).contains(host + " resolves to " + resolved.getHostAddress());
            assertThat(listener.accepted()).isZero();
        }
    }

    @Test
    void aSecretSealedUnderAnotherLinkKeyFailsTheDeliveryAtOnceWithoutSendingIt() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            ApiTenant t = data.apiTenant("Lost key", Instant.now());
            byte[] foreign = new byte[12 + 32];
            new SecureRandom().nextBytes(foreign);
            VerificationSession s = data.apiSession(t, 3, Instant.now(), Duration.ofHours(1),
                    Notify.bearer(receiver.url("/hook"), ALL, "tok"),
                    Base64.getUrlEncoder().withoutPadding().encodeToString(foreign));
            NotificationDelivery d = enqueue(t, s, NotificationTopic.RESOURCE_UPDATE, receiver.url("/hook"));

            sender.sendDue();

            NotificationDelivery failed = reload(d);
            assertThat(failed.status()).isEqualTo(DeliveryStatus.FAILED);
            assertThat(failed.lastError()).isEqualTo("the session's notification auth token cannot be unsealed: it was"
                    + " sealed under another link key (livecheck.link-key)");
            assertThat(receiver.received()).isEmpty();
        }
    }

    @Test
    void afterTheLastAllowedTryTheDeliveryFailsAndIsAudited() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver(Answer.status(503), Answer.status(503))) {
            ApiTenant t = data.apiTenant("Down", Instant.now());
            VerificationSession s = data.apiSession(t, 3, Instant.now(), Duration.ofHours(1),
                    Notify.bearer(receiver.url("/hook"), ALL, "tok"));
            NotificationDelivery d = enqueue(t, s, NotificationTopic.RESOURCE_UPDATE, receiver.url("/hook"));
            NotificationProperties p = properties;
            NotificationSender twoTries = node("two-tries", new NotificationProperties(true, 2, p.firstRetryDelay(),
                    p.maxRetryDelay(), p.connectTimeout(), p.requestTimeout(), p.claimDuration(), p.batchSize(),
                    p.maxResponseBytes()), true);

            twoTries.sendDue();
            makeDue(List.of(d));
            twoTries.sendDue();

            NotificationDelivery failed = reload(d);
            assertThat(failed.status()).isEqualTo(DeliveryStatus.FAILED);
            assertThat(failed.attemptCount()).isEqualTo(2);
            assertThat(failed.lastStatusCode()).isEqualTo(503);
            assertThat(triesOf(d)).extracting(NotificationDeliveryTry::statusCode).containsExactly(503, 503);
            assertThat(jdbc.sql("SELECT details FROM audit_event WHERE business_id = ? AND action = ?")
                    .params(t.id(), AuditAction.NOTIFICATION_FAILED.name()).query(String.class).single())
                    .startsWith("gave up after 2 tries: HTTP 503");
        }
    }

    @Test
    void twoSenderNodesOnOneDatabaseNeverSendTheSameDeliveryTwice() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            ApiTenant t = data.apiTenant("Nodes", Instant.now());
            List<NotificationDelivery> all = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                VerificationSession s = data.apiSession(t, 3, Instant.now(), Duration.ofHours(1),
                        Notify.bearer(receiver.url("/hook"), ALL, "tok"));
                for (NotificationTopic topic : NotificationTopic.delivered()) {
                    all.add(enqueue(t, s, topic, receiver.url("/hook")));
                }
            }
            NotificationSender a = node("node-a", properties, true);
            NotificationSender b = node("node-b", properties, true);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<Integer>> runs = new ArrayList<>();
                for (NotificationSender node : List.of(a, b)) {
                    runs.add(pool.submit((Callable<Integer>) () -> {
                        int sent = 0;
                        for (int round = 0; round < 5; round++) {
                            sent += node.sendDue();
                        }
                        return sent;
                    }));
                }
                int sentByA = runs.get(0).get(120, TimeUnit.SECONDS);
                int sentByB = runs.get(1).get(120, TimeUnit.SECONDS);
                assertThat(sentByA + sentByB).isGreaterThanOrEqualTo(all.size());
            } finally {
                pool.shutdownNow();
            }

            Map<String, Long> perBody = receiver.receivedAt("/hook").stream()
                    .collect(Collectors.groupingBy(Received::body, Collectors.counting()));
            assertThat(perBody).hasSize(all.size());
            assertThat(perBody.values()).containsOnly(1L);
            for (NotificationDelivery d : all) {
                assertThat(reload(d).status()).isEqualTo(DeliveryStatus.SENT);
                assertThat(triesOf(d)).hasSize(1);
            }
        }
    }

    private List<NotificationDeliveryTry> triesOf(NotificationDelivery d) {
        return tries.findAllByBusinessIdAndDeliveryIdOrderByTriedAt(d.businessId(), d.id());
    }

    /** Verifies the header as a receiver would: recompute the HMAC over "t.body", and check t is recent. */
    private static void assertSignedWith(String secret, Received r) throws Exception {
        Matcher m = SIGNATURE.matcher(r.header("X-Livecheck-Signature"));
        assertThat(m.matches()).as(r.header("X-Livecheck-Signature")).isTrue();
        long t = Long.parseLong(m.group(1));
        assertThat(Math.abs(Instant.now().getEpochSecond() - t)).isLessThan(60);
        assertThat(m.group(2)).isEqualTo(hmacHex(secret, t + "." + r.body()));
    }

    private static String hmacHex(String secret, String message) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
    }

    /** A plain listening socket on 127.0.0.1 that counts every connection made to it. */
    private static final class ConnectionCounter implements AutoCloseable {
        private final ServerSocket socket;
        private final AtomicInteger accepted = new AtomicInteger();
        private final Thread acceptor;

        ConnectionCounter() throws IOException {
            socket = new ServerSocket();
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            acceptor = new Thread(() -> {
                while (!socket.isClosed()) {
                    try (Socket ignored = socket.accept()) {
                        accepted.incrementAndGet();
                    } catch (IOException e) {
                        return;
                    }
                }
            }, "connection-counter");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        int accepted() {
            return accepted.get();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
