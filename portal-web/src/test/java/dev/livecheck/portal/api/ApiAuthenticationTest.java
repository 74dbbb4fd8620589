package dev.livecheck.portal.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livecheck.persistence.applications.ApiApplications;
import dev.livecheck.portal.TestData;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * Every way a signed request can be wrong, over a real port: each is refused with the same generic 401 body while
 * the log names its own reason. A correctly signed request passes the filter (it then reaches the controllers: an
 * unknown session is 404, not 401).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:api-auth;DB_CLOSE_DELAY=-1")
@ActiveProfiles("test")
@ExtendWith(OutputCaptureExtension.class)
class ApiAuthenticationTest {

    private static final String ANY_SESSION = "/sessions/" + UUID.randomUUID();
    private static final String CREATE_BODY = "{\"requested_checks\":[]}";

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    ApiApplications applications;

    private TestData.ApiTenant tenant;
    private SignedApiClient client;

    @BeforeEach
    void tenant() {
        tenant = new TestData(context).apiTenant("Auth " + UUID.randomUUID());
        client = tenant.client(baseUrl());
    }

    private String baseUrl() {
        return "http://localhost:" + port + "/idverify/v1";
    }

    @Test
    void aCorrectlySignedRequestPassesAndMarksTheApplicationUsed() {
        SignedApiClient.Response response = client.get(ANY_SESSION);

        assertThat(response.statusCode()).isNotEqualTo(401).isEqualTo(404);
        assertThat(applications.findBySdkId(tenant.application().id()).orElseThrow().lastUsedAt()).isNotNull();
    }

    @Test
    void aSignedBodyPassesTheFilter() {
        assertThat(client.post("/sessions", CREATE_BODY).statusCode()).isNotEqualTo(401);
    }

    @Test
    void tamperedBody(CapturedOutput log) {
        SignedApiClient.Prepared signed = client.prepare("POST", "/sessions", CREATE_BODY.getBytes(StandardCharsets.UTF_8));

        assertRefused(client.send(signed.withBody("{\"requested_checks\":[ ]}".getBytes(StandardCharsets.UTF_8))),
                log, ApiAuthFailure.BAD_SIGNATURE);
    }

    @Test
    void tamperedQuery(CapturedOutput log) {
        SignedApiClient.Prepared signed = client.prepare("GET", ANY_SESSION, null);

        assertRefused(client.send(signed.withQuery(signed.query() + "&extra=1")), log, ApiAuthFailure.BAD_SIGNATURE);
    }

    @Test
    void tamperedPath(CapturedOutput log) {
        SignedApiClient.Prepared signed = client.prepare("GET", ANY_SESSION, null);

        assertRefused(client.send(signed.withPath("/sessions/" + UUID.randomUUID())), log,
                ApiAuthFailure.BAD_SIGNATURE);
    }

    @Test
    void signedWithAnotherKey(CapturedOutput log) {
        SignedApiClient forger = new SignedApiClient(baseUrl(), tenant.application().id(),
                SignedApiClient.newRsaKeyPair(2048).getPrivate());

        assertRefused(forger.get(ANY_SESSION), log, ApiAuthFailure.BAD_SIGNATURE);
    }

    @Test
    void garbageSignature(CapturedOutput log) {
        SignedApiClient.Prepared signed = client.prepare("GET", ANY_SESSION, null);

        assertRefused(client.send(signed.withSignature("%%% not base64 %%%")), log, ApiAuthFailure.BAD_SIGNATURE);
    }

    @Test
    void missingSignature(CapturedOutput log) {
        SignedApiClient.Prepared signed = client.prepare("GET", ANY_SESSION, null);

        assertRefused(client.send(signed.withSignature(null)), log, ApiAuthFailure.MISSING_SIGNATURE);
    }

    @Test
    void staleTimestamp(CapturedOutput log) {
        long sixMinutesAgo = Instant.now().minus(Duration.ofMinutes(6)).toEpochMilli();

        assertRefused(client.send(client.prepare("GET", ANY_SESSION, null, sixMinutesAgo, UUID.randomUUID().toString())),
                log, ApiAuthFailure.STALE_TIMESTAMP);
    }

    @Test
    void futureTimestamp(CapturedOutput log) {
        long sixMinutesAhead = Instant.now().plus(Duration.ofMinutes(6)).toEpochMilli();

        assertRefused(client.send(client.prepare("GET", ANY_SESSION, null, sixMinutesAhead, UUID.randomUUID().toString())),
                log, ApiAuthFailure.FUTURE_TIMESTAMP);
    }

    @Test
    void replayedNonce(CapturedOutput log) {
        SignedApiClient.Prepared signed = client.prepare("GET", ANY_SESSION, null);

        assertThat(client.send(signed).statusCode()).isEqualTo(404);
        assertRefused(client.send(signed), log, ApiAuthFailure.REPLAYED_NONCE);
    }

    @Test
    void theSameNonceFromTwoThreadsAtOncePassesOnce() throws Exception {
        SignedApiClient.Prepared signed = client.prepare("GET", ANY_SESSION, null);
        CountDownLatch go = new CountDownLatch(1);
        Callable<Integer> send = () -> {
            go.await();
            return client.send(signed).statusCode();
        };
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> first = threads.submit(send);
            Future<Integer> second = threads.submit(send);
            go.countDown();
            assertThat(List.of(first.get(), second.get())).containsExactlyInAnyOrder(404, 401);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void revokedApplication(CapturedOutput log) {
        applications.revoke(tenant.business().id(), tenant.application().id(), Instant.now());

        assertRefused(client.get(ANY_SESSION), log, ApiAuthFailure.REVOKED);
    }

    @Test
    void unknownSdkId(CapturedOutput log) {
        SignedApiClient stranger = new SignedApiClient(baseUrl(), UUID.randomUUID(), tenant.keys().getPrivate());

        assertRefused(stranger.get(ANY_SESSION), log, ApiAuthFailure.UNKNOWN_SDK_ID);
    }

    @Test
    void malformedOrMissingParameters(CapturedOutput log) {
        SignedApiClient notAUuid = new SignedApiClient(baseUrl(), "not-a-uuid", tenant.keys().getPrivate());
        assertRefused(notAUuid.get(ANY_SESSION), log, ApiAuthFailure.MISSING_PARAMETERS);

        SignedApiClient.Prepared signed = client.prepare("GET", ANY_SESSION, null);
        String withoutTimestamp = signed.query().replaceAll("&timestamp=\\d+", "");
        assertRefused(client.send(signed.withQuery(withoutTimestamp)), log, ApiAuthFailure.MISSING_PARAMETERS);
        String hostileNonce = signed.query().replaceAll("nonce=[^&]+", "nonce=%0d%0aINJECTED");
        assertRefused(client.send(signed.withQuery(hostileNonce)), log, ApiAuthFailure.MISSING_PARAMETERS);
        assertThat(log.getOut()).doesNotContain("\nINJECTED");
    }

    @Test
    void anOversizedBodyIs413BeforeAnythingElse() {
        byte[] huge = new byte[70_000];
        java.util.Arrays.fill(huge, (byte) 'a');

        SignedApiClient.Response response = client.send(client.prepare("POST", "/sessions", huge));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("PAYLOAD_TOO_LARGE");
    }

    @Test
    void theApiSetsNoCookiesAndIgnoresCsrf() {
        SignedApiClient.Response response = client.post("/sessions", CREATE_BODY);

        assertThat(response.statusCode()).isNotIn(401, 403);
        assertThat(response.header("Set-Cookie")).isNull();
    }

    private static void assertRefused(SignedApiClient.Response response, CapturedOutput log, ApiAuthFailure reason) {
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.header("Content-Type")).startsWith("application/json");
        assertThat(response.body()).contains("\"code\":\"UNAUTHORIZED\"").doesNotContain(reason.name());
        assertThat(log.getOut()).contains("API request refused (401 " + reason.name() + ")");
    }
}
