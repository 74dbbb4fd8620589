package dev.livecheck.portal.api;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * The request signature of the IDV API: RSA-SHA256 (PKCS#1 v1.5) over {@code METHOD&PATH?QUERY}, followed by
 * {@code &BASE64(BODY)} when the request has a body, where PATH is relative to the API's base URL and QUERY is the
 * query string exactly as sent; sent Base64-encoded in {@code X-Yoti-Auth-Digest}.
 */
public final class ApiSignature {

    static final String HEADER = "X-Yoti-Auth-Digest";
    static final String ALGORITHM = "SHA256withRSA";
    /** Keys shorter than this are refused when an application is created: RSA-2048 is the floor today. */
    public static final int MIN_KEY_BITS = 2048;

    private ApiSignature() {
    }

    /** The exact text that is signed. */
    static String message(String method, String relativePath, String rawQuery, byte[] body) {
        StringBuilder message = new StringBuilder(method).append('&').append(relativePath);
        if (rawQuery != null && !rawQuery.isEmpty()) {
            message.append('?').append(rawQuery);
        }
        if (body != null && body.length > 0) {
            message.append('&').append(Base64.getEncoder().encodeToString(body));
        }
        return message.toString();
    }

    static boolean verify(PublicKey key, String message, String base64Signature) {
        try {
            byte[] signature = Base64.getDecoder().decode(base64Signature.strip());
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(key);
            verifier.update(message.getBytes(StandardCharsets.UTF_8));
            return verifier.verify(signature);
        } catch (IllegalArgumentException | GeneralSecurityException malformed) {
            return false;
        }
    }

    /** The stored key (Base64 of the X.509 SubjectPublicKeyInfo) as an RSA public key. */
    static RSAPublicKey publicKey(String base64Der) {
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64Der)));
        } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException | NullPointerException e) {
            throw new IllegalArgumentException("not an RSA public key", e);
        }
    }
}
