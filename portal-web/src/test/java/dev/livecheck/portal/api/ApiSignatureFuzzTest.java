package dev.livecheck.portal.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.Tag;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;

/**
 * The API's signature header and stored-key parsing: an arbitrary {@code X-Yoti-Auth-Digest} value over an arbitrary
 * request is simply not a valid signature (false, never an exception: a 401, not a 500), and an arbitrary stored key
 * is an RSA key or an IllegalArgumentException.
 */
@Tag("fuzz")
class ApiSignatureFuzzTest {

    private static final KeyPair KEYS = keys();

    @FuzzTest(maxDuration = "30s")
    void anyDigestOverAnyRequestIsRefusedWithoutAnException(FuzzedDataProvider data) {
        String method = data.consumeString(10);
        String path = data.consumeString(200);
        String query = data.consumeString(200);
        byte[] body = data.consumeBytes(500);
        String digest = data.consumeRemainingAsString();
        String message = ApiSignature.message(method, path, query, body);
        assertThat(ApiSignature.verify(KEYS.getPublic(), message, digest)).isFalse();
    }

    @FuzzTest(maxDuration = "30s")
    void anyStoredKeyIsAnRsaKeyOrRefused(byte[] stored) {
        String base64Der = stored == null ? null : new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1);
        try {
            RSAPublicKey key = ApiSignature.publicKey(base64Der);
            assertThat(key.getModulus()).isNotNull();
        } catch (IllegalArgumentException refused) {
            assertThat(refused).hasMessage("not an RSA public key");
        }
        assertThat(Base64.getEncoder().encodeToString(KEYS.getPublic().getEncoded())).isNotEmpty();
    }

    private static KeyPair keys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
