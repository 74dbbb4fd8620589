package dev.livecheck.portal.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.livecheck.persistence.sessions.VerificationSessions;
import dev.livecheck.portal.TestData;
import dev.livecheck.portal.loadtest.LiveCaptureClient;
import dev.livecheck.portal.loadtest.SocketBinding;
import dev.livecheck.portal.notifications.WebhookReceiver;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

/**
 * The whole integration as a business runs it, end to end over real ports with the production challenge planner:
 * Yoti's published Node SDK creates a ZOOM liveness session with notifications; a live end user (the test kit's
 * performer, answering whatever random challenges the server asks) completes it through the SDK's web entry URL,
 * bound by the page's ticket alone; the SDK reads COMPLETED / APPROVE / liveness_auth PASS with three frames and
 * fetches each JPEG; the notifications arrive with the session's bearer token and a valid HMAC; a forged key gets 401;
 * another business's application gets 404 for reading and deleting the session; deleting it makes it 404.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:yoti-journey;DB_CLOSE_DELAY=-1",
        // the notification receiver of this test listens on 127.0.0.1 over http
        "livecheck.notifications.allow-private-networks=true",
        "livecheck.notifications.initial-delay=PT0.2S", "livecheck.notifications.poll-interval=PT0.5S"})
@ActiveProfiles("test")
class YotiSdkJourneyTest {

    private static final String SECRET = "journey-notification-secret";
    private static final String BEARER = "rp-bearer-token-42";

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    VerificationSessions sessions;
    @TempDir
    Path dir;

    private final ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stopPacer() {
        pacer.shutdownNow();
    }

    @Test
    void aBusinessRunsALivenessCheckWithItsUnchangedSdk() throws Exception {
        TestData data = new TestData(context);
        TestData.ApiTenant shop = data.apiTenant("Shop", SECRET, TestData.SHARED_KEYS, List.of("https://shop.example"),
                Instant.now());
        TestData.ApiTenant rival = data.apiTenant("Rival", "rival-secret", SignedApiClient.newRsaKeyPair(2048),
                List.of(), Instant.now());
        YotiNodeClient sdk = sdk(shop, shop.keys(), "shop.pem");
        String sessionId;

        try (WebhookReceiver receiver = new WebhookReceiver()) {
            Map<String, Object> spec = new LinkedHashMap<>();
            spec.put("maxRetries", 3);
            spec.put("userTrackingId", "customer-42");
            spec.put("notification", Map.of("endpoint", receiver.url("/livecheck-hook"), "authToken", BEARER,
                    "authType", "BEARER", "topics", List.of("RESOURCE_UPDATE", "CHECK_COMPLETION",
                            "SESSION_COMPLETION")));
            spec.put("successUrl", "https://shop.example/ok");
            spec.put("errorUrl", "https://shop.example/sorry");
            JsonNode created = sdk.create(spec).ok();
            sessionId = created.get("session_id").asString();
            String token = created.get("client_session_token").asString();

            LiveCaptureClient.Result person = endUser().run(URI.create("http://localhost:" + port
                    + "/idverify/v1/web/index.html?sessionID=" + sessionId + "&sessionToken=" + token), 20261129L);
            assertThat(person.approved()).as("the live end user: %s", person).isTrue();

            JsonNode session = sdk.get(sessionId).ok();
            assertThat(session.get("state").asString()).isEqualTo("COMPLETED");
            assertThat(session.get("user_tracking_id").asString()).isEqualTo("customer-42");
            assertThat(session.get("biometric_consent").asString()).isNotEmpty();
            JsonNode checks = session.get("liveness_checks");
            assertThat(checks.size()).isEqualTo(person.attempts());
            JsonNode last = checks.get(checks.size() - 1);
            assertThat(last.get("report").get("recommendation").get("value").asString()).isEqualTo("APPROVE");
            JsonNode livenessAuth = last.get("report").get("breakdown").get(0);
            assertThat(livenessAuth.get("sub_check").asString()).isEqualTo("liveness_auth");
            assertThat(livenessAuth.get("result").asString()).isEqualTo("PASS");
            JsonNode resources = session.get("zoom_liveness_resources");
            assertThat(resources.size()).isEqualTo(person.attempts());
            for (JsonNode resource : resources) {
                assertThat(resource.get("frames").size()).as("three images per attempt").isEqualTo(3);
            }
            for (JsonNode frame : resources.get(resources.size() - 1).get("frames")) {
                Path image = dir.resolve(frame.get("media_id").asString() + ".jpg");
                JsonNode fetched = sdk.media(sessionId, frame.get("media_id").asString(), image).ok();
                assertThat(fetched.get("mime_type").asString()).isEqualTo("image/jpeg");
                assertThat(Files.readAllBytes(image)).startsWith((byte) 0xFF, (byte) 0xD8);
            }

            await().atMost(Duration.ofSeconds(60)).until(() -> receiver.receivedAt("/livecheck-hook").stream()
                    .anyMatch(r -> r.body().contains("SESSION_COMPLETION")));
            List<WebhookReceiver.Received> notes = receiver.receivedAt("/livecheck-hook");
            assertThat(notes).extracting(r -> JsonSupport.field(r.body(), "topic"))
                    .contains("RESOURCE_UPDATE", "CHECK_COMPLETION", "SESSION_COMPLETION")
                    .doesNotContain("CLIENT_SESSION_TOKEN_DELETED");
            assertThat(notes).allSatisfy(note -> {
                assertThat(note.header("Authorization")).isEqualTo("Bearer " + BEARER);
                assertThat(JsonSupport.field(note.body(), "session_id")).isEqualTo(sessionId);
                assertThat(signatureValid(note.header("X-Livecheck-Signature"), note.body())).isTrue();
            });
        }

        JsonNode forged = sdk(shop, SignedApiClient.newRsaKeyPair(2048), "forged.pem").get(sessionId).error();
        assertThat(forged.get("status").asInt()).isEqualTo(401);

        YotiNodeClient rivalSdk = sdk(rival, rival.keys(), "rival.pem");
        assertThat(rivalSdk.get(sessionId).error().get("status").asInt()).isEqualTo(404);
        assertThat(rivalSdk.delete(sessionId).error().get("status").asInt()).isEqualTo(404);
        assertThat(sdk.get(sessionId).ok().get("state").asString()).isEqualTo("COMPLETED");

        sdk.delete(sessionId).ok();
        JsonNode gone = sdk.get(sessionId).error();
        assertThat(gone.get("status").asInt()).isEqualTo(404);
        assertThat(sessions.findByBusinessIdAndId(shop.business().id(), UUID.fromString(sessionId))).isEmpty();
    }

    private LiveCaptureClient endUser() {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        return new LiveCaptureClient(http, pacer, LiveCaptureClient.Options.defaults()
                .withBinding(SocketBinding.pageTicket()).withDeadline(Duration.ofSeconds(150)));
    }

    private YotiNodeClient sdk(TestData.ApiTenant tenant, KeyPair keys, String file) throws Exception {
        Path pem = dir.resolve(file);
        Files.writeString(pem, "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(keys.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n");
        return new YotiNodeClient("http://localhost:" + port + "/idverify/v1",
                tenant.application().id().toString(), pem);
    }

    /** What a receiver does with docs/api.md's recipe: HMAC-SHA256 over "t.body" with the application's secret. */
    private static boolean signatureValid(String header, String body) throws Exception {
        String t = null;
        String v1 = null;
        for (String part : header.split(",")) {
            if (part.startsWith("t=")) {
                t = part.substring(2);
            } else if (part.startsWith("v1=")) {
                v1 = part.substring(3);
            }
        }
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update((t + ".").getBytes(StandardCharsets.UTF_8));
        return MessageDigest.isEqual(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)), HexFormat.of().parseHex(v1));
    }

    /** One field of a small JSON body. */
    private static final class JsonSupport {
        private static final tools.jackson.databind.json.JsonMapper JSON =
                tools.jackson.databind.json.JsonMapper.builder().build();

        static String field(String json, String name) {
            return JSON.readTree(json).get(name).asString();
        }
    }
}
