package dev.livecheck.portal.applications;

import dev.livecheck.persistence.support.Sha256;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;

/**
 * The key of a new application: its public half, which is all Livecheck stores, and, when Livecheck generated the
 * pair, the private half as PEM (PKCS#8) for the one page that shows it.
 */
record ApplicationKey(RSAPublicKey publicKey, String privateKeyPem, Source source) {

    /** Where the key came from; the audit event names it. */
    enum Source {
        GENERATED,
        UPLOADED
    }

    /** The size of generated keys: the floor the API accepts, which is what the SDK vendor issues too. */
    static final int GENERATED_KEY_BITS = UploadedPublicKey.MIN_KEY_BITS;

    static ApplicationKey generate() {
        KeyPair pair;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(GENERATED_KEY_BITS);
            pair = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is part of every JDK", e);
        }
        return new ApplicationKey((RSAPublicKey) pair.getPublic(), pem("PRIVATE KEY", pair.getPrivate().getEncoded()),
                Source.GENERATED);
    }

    static ApplicationKey uploaded(RSAPublicKey publicKey) {
        return new ApplicationKey(publicKey, null, Source.UPLOADED);
    }

    /** What {@code api_application.public_key} holds: Base64 of the X.509 SubjectPublicKeyInfo (DER). */
    String publicKeyBase64() {
        return Base64.getEncoder().encodeToString(publicKey.getEncoded());
    }

    /** SHA-256 of the same DER, in hex: the fingerprint the application page shows. */
    String publicKeySha256() {
        return Sha256.hex(publicKey.getEncoded());
    }

    /** Never print the private key, not even into a log by accident. */
    @Override
    public String toString() {
        return "ApplicationKey[" + source + ", sha256=" + publicKeySha256() + "]";
    }

    private static String pem(String type, byte[] der) {
        String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + base64 + "\n-----END " + type + "-----\n";
    }
}
