package dev.livecheck.portal.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The Node side of the Yoti SDK tests works in the build: npm ci installs the pinned SDK, the driver prints one clean
 * JSON line for errors, and its requests carry a signature that verifies in Java the way the server must check it
 * (message {@code METHOD&<path relative to /idverify/v1>?<raw query>[&base64(body)]}, RSA-SHA256).
 * A JDK HTTP stub stands in for the API; no portal is started.
 */
class YotiNodeClientTest {

    private static final String BASE = "/idverify/v1";

    @TempDir
    Path dir;

    private KeyPair keys;
    private Path pem;
    private HttpServer stub;
    private final List<String> verifiedMessages = new CopyOnWriteArrayList<>();

    @BeforeEach
    void keysAndStub() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        keys = generator.generateKeyPair();
        pem = dir.resolve("key.pem");
        Files.writeString(pem, "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(keys.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n");
        stub = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        stub.createContext(BASE, this::answer);
        stub.start();
    }

    @AfterEach
    void stopStub() {
        stub.stop(0);
    }

    @Test
    void missingEnvironmentIsOneCleanJsonErrorLine() {
        YotiNodeClient.Result result = new YotiNodeClient(null, "sdk-1", pem).get("s1");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.error().get("error").asString()).isEqualTo("LIVECHECK_API_URL is not set");
        assertThat(result.error().get("status").isNull()).isTrue();
    }

    @Test
    void badArgumentsAreCleanJsonErrors() {
        YotiNodeClient client = new YotiNodeClient(apiUrl(), "sdk-1", pem);

        assertThat(client.run("frobnicate").error().get("error").asString()).startsWith("unknown command \"frobnicate\"");
        assertThat(client.run("get").error().get("error").asString()).isEqualTo("usage: get <sessionId>");
        assertThat(client.create(Map.of("maxRetrys", 3)).error().get("error").asString())
                .startsWith("unknown create option(s): maxRetrys");
        // the SDK's own builder validation, so the SDK is installed and loaded
        assertThat(client.create(Map.of("maxRetries", "3")).error().get("error").asString())
                .isEqualTo("maxRetries must be an integer");
    }

    @Test
    void unreachableApiIsAnErrorWithoutStatus() {
        JsonNode error = new YotiNodeClient("http://127.0.0.1:1" + BASE, "sdk-1", pem).delete("s1").error();

        assertThat(error.get("error").asString()).contains("ECONNREFUSED");
        assertThat(error.get("status").isNull()).isTrue();
    }

    @Test
    void signedRequestsVerifyAndTheSdkParsesTheAnswers() {
        YotiNodeClient client = new YotiNodeClient(apiUrl(), "sdk-1", pem);

        JsonNode created = client.create(Map.of("maxRetries", 3, "userTrackingId", "user-1",
                "notification", Map.of("endpoint", "https://rp.example/hook", "topics", List.of("SESSION_COMPLETION"))))
                .ok();
        assertThat(created.get("session_id").asString()).isEqualTo("s1");
        assertThat(created.get("client_session_token").asString()).isEqualTo("token-1");
        assertThat(created.get("client_session_token_ttl").asInt()).isEqualTo(600);

        JsonNode notFound = client.get("missing").error();
        assertThat(notFound.get("status").asInt()).isEqualTo(404);
        assertThat(notFound.get("error").asString()).isEqualTo("SESSION_NOT_FOUND - no such session");
        assertThat(notFound.get("body").get("code").asString()).isEqualTo("SESSION_NOT_FOUND");

        assertThat(client.delete("s1").ok().get("deleted").asBoolean()).isTrue();

        assertThat(verifiedMessages).hasSize(3);
        assertThat(verifiedMessages.get(0)).matches("POST&/sessions\\?sdkId=sdk-1&nonce=[0-9a-f-]{36}&timestamp=\\d{13}&[A-Za-z0-9+/=]+");
        assertThat(verifiedMessages.get(1)).matches("GET&/sessions/missing\\?sdkId=sdk-1&nonce=[0-9a-f-]{36}&timestamp=\\d{13}");
        assertThat(verifiedMessages.get(2)).matches("DELETE&/sessions/s1\\?sdkId=sdk-1&nonce=[0-9a-f-]{36}&timestamp=\\d{13}");
    }

    private String apiUrl() {
        return "http://127.0.0.1:" + stub.getAddress().getPort() + BASE;
    }

    /** Verifies the request's signature, then answers like the API would. */
    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getRawPath().substring(BASE.length());
            String message = method + "&" + path + "?" + exchange.getRequestURI().getRawQuery();
            if (body.length > 0 && List.of("POST", "PUT", "PATCH").contains(method)) {
                message += "&" + Base64.getEncoder().encodeToString(body);
            }
            if (!verifies(message, exchange.getRequestHeaders().getFirst("X-Yoti-Auth-Digest"), keys.getPublic())
                    || !"Node-4.13.2".equals(exchange.getRequestHeaders().getFirst("X-Yoti-SDK-Version"))) {
                send(exchange, 401, "{\"code\":\"UNAUTHORIZED\",\"message\":\"bad signature\"}");
                return;
            }
            verifiedMessages.add(message);
            if (method.equals("POST") && path.equals("/sessions")) {
                String json = new String(body, StandardCharsets.UTF_8);
                boolean expected = json.contains("\"requested_checks\":[{\"type\":\"LIVENESS\",\"config\":{\"max_retries\":3,\"liveness_type\":\"ZOOM\"}}]")
                        && json.contains("\"topics\":[\"SESSION_COMPLETION\"]")
                        && "application/json".equals(exchange.getRequestHeaders().getFirst("Content-Type"));
                send(exchange, expected ? 201 : 400, expected
                        ? "{\"client_session_token_ttl\":600,\"client_session_token\":\"token-1\",\"session_id\":\"s1\"}"
                        : "{\"code\":\"INVALID_REQUEST\",\"message\":\"unexpected body " + json.replace("\"", "'") + "\"}");
            } else if (method.equals("DELETE") && path.equals("/sessions/s1")) {
                exchange.sendResponseHeaders(204, -1);
            } else {
                send(exchange, 404, "{\"code\":\"SESSION_NOT_FOUND\",\"message\":\"no such session\"}");
            }
        }
    }

    private static boolean verifies(String message, String digest, PublicKey key) {
        if (digest == null) {
            return false;
        }
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initVerify(key);
            signature.update(message.getBytes(StandardCharsets.UTF_8));
            return signature.verify(Base64.getDecoder().decode(digest));
        } catch (Exception e) {
            return false;
        }
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
