package dev.livecheck.portal.api;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;

/**
 * A client of the session API written from the protocol alone (plain {@code java.net.http} and
 * {@code java.security}), the way docs/api.md shows it: each request gets {@code sdkId}, a fresh {@code nonce} and
 * the {@code timestamp}, and {@code X-Yoti-Auth-Digest} signs {@code METHOD&PATH?QUERY[&BASE64(BODY)]}. Tests take a
 * {@link Prepared} request apart to tamper with it before sending.
 */
public final class SignedApiClient {

    /** What the server answered. */
    public record Response(int statusCode, byte[] bytes, HttpResponse<byte[]> raw) {
        String body() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    /** A signed request before it is sent; every field may be changed (records: use the withers). */
    record Prepared(String method, String path, String query, byte[] body, String signature) {
        Prepared withPath(String newPath) {
            return new Prepared(method, newPath, query, body, signature);
        }

        Prepared withQuery(String newQuery) {
            return new Prepared(method, path, newQuery, body, signature);
        }

        Prepared withBody(byte[] newBody) {
            return new Prepared(method, path, query, newBody, signature);
        }

        Prepared withSignature(String newSignature) {
            return new Prepared(method, path, query, body, newSignature);
        }
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final String baseUrl;
    private final String sdkId;
    private final PrivateKey key;

    /** @param baseUrl e.g. {@code http://localhost:8080/idverify/v1} */
    public SignedApiClient(String baseUrl, UUID sdkId, PrivateKey key) {
        this(baseUrl, sdkId.toString(), key);
    }

    SignedApiClient(String baseUrl, String sdkId, PrivateKey key) {
        this.baseUrl = baseUrl;
        this.sdkId = sdkId;
        this.key = key;
    }

    public static KeyPair newRsaKeyPair(int bits) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(bits);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public Response get(String path) {
        return send(prepare("GET", path, null));
    }

    /** A GET with query parameters of its own ({@code images=false}), signed with them as the SDKs sign them. */
    public Response get(String path, String extraQuery) {
        Prepared plain = prepare("GET", path, null);
        String query = extraQuery + "&" + plain.query();
        return send(new Prepared("GET", path, query, null, sign("GET", path, query, null)));
    }

    Response post(String path, String json) {
        return send(prepare("POST", path, json.getBytes(StandardCharsets.UTF_8)));
    }

    Response delete(String path) {
        return send(prepare("DELETE", path, null));
    }

    Prepared prepare(String method, String path, byte[] body) {
        return prepare(method, path, body, System.currentTimeMillis(), UUID.randomUUID().toString());
    }

    Prepared prepare(String method, String path, byte[] body, long timestampMillis, String nonce) {
        String query = "sdkId=" + encode(sdkId) + "&nonce=" + encode(nonce) + "&timestamp=" + timestampMillis;
        return new Prepared(method, path, query, body, sign(method, path, query, body));
    }

    String sign(String method, String path, String query, byte[] body) {
        String message = method + "&" + path + "?" + query
                + (body != null && body.length > 0 ? "&" + Base64.getEncoder().encodeToString(body) : "");
        try {
            Signature signer = Signature.getInstance("SHA256withRSA");
            signer.initSign(key);
            signer.update(message.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    Response send(Prepared request) {
        HttpRequest.BodyPublisher body = request.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(request.body());
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + request.path() + "?" + request.query()))
                .timeout(Duration.ofSeconds(30))
                .method(request.method(), body)
                .header("Accept", "application/json");
        if (request.signature() != null) {
            builder.header("X-Yoti-Auth-Digest", request.signature());
        }
        if (request.body() != null) {
            builder.header("Content-Type", "application/json");
        }
        try {
            HttpResponse<byte[]> response = HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Response(response.statusCode(), response.body(), response);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
