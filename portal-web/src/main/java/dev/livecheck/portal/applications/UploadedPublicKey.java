package dev.livecheck.portal.applications;

import dev.livecheck.portal.api.ApiSignature;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a public key an admin pastes instead of letting Livecheck generate the pair: one PEM block
 * {@code -----BEGIN PUBLIC KEY-----} holding an X.509 SubjectPublicKeyInfo of an RSA key of {@link #MIN_KEY_BITS} to
 * {@link #MAX_KEY_BITS} bits. Everything else is refused with a reason the admin can act on (a message code), because
 * the usual mistakes (a private key, a PKCS#1 "RSA PUBLIC KEY", an EC key, a cut-off paste) each have their own fix.
 */
final class UploadedPublicKey {

    static final int MIN_KEY_BITS = ApiSignature.MIN_KEY_BITS;
    /** 8192 bits: the stored Base64 of a larger key would not fit the column (VARCHAR(2000), V3__api.sql). */
    static final int MAX_KEY_BITS = 8192;
    /** A PEM of the largest accepted key is about 1.5 KB; more than this is no key, and is not parsed at all. */
    static final int MAX_PEM_CHARS = 10 * 1024;

    private static final String BEGIN = "-----BEGIN PUBLIC KEY-----";
    private static final String END = "-----END PUBLIC KEY-----";
    private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/]+={0,2}");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    /** Key types a SubjectPublicKeyInfo may hold besides RSA, to name the type of a key that is refused. */
    private static final List<String> OTHER_ALGORITHMS = List.of("EC", "Ed25519", "Ed448", "X25519", "X448", "DSA",
            "RSASSA-PSS");

    /** Why a paste was refused: a message code of the form and its arguments. */
    static final class Refused extends Exception {
        private final String code;
        private final transient Object[] args;

        Refused(String code, Object... args) {
            super(code, null, false, false);
            this.code = code;
            this.args = args;
        }

        String code() {
            return code;
        }

        Object[] args() {
            return args.clone();
        }
    }

    private UploadedPublicKey() {
    }

    /** Whether the paste is (or contains) a private key, which must not be echoed back into the page. */
    static boolean looksPrivate(String pem) {
        return pem != null && pem.toUpperCase(Locale.ROOT).contains("PRIVATE KEY");
    }

    /** @throws Refused with the reason if {@code pem} is not an acceptable RSA public key */
    static RSAPublicKey parse(String pem) throws Refused {
        if (pem == null || pem.isBlank()) {
            throw new Refused("application.publicKey.required");
        }
        if (pem.length() > MAX_PEM_CHARS) {
            throw new Refused("application.publicKey.tooLarge", MAX_PEM_CHARS / 1024);
        }
        if (looksPrivate(pem)) {
            throw new Refused("application.publicKey.private");
        }
        if (pem.contains("-----BEGIN RSA PUBLIC KEY-----")) {
            throw new Refused("application.publicKey.pkcs1");
        }
        String text = pem.strip();
        if (!text.startsWith(BEGIN)) {
            throw new Refused("application.publicKey.notPem");
        }
        int end = text.indexOf(END);
        if (end < 0) {
            throw new Refused("application.publicKey.truncated");
        }
        if (end + END.length() != text.length() || text.indexOf(BEGIN, BEGIN.length()) >= 0) {
            throw new Refused("application.publicKey.notOne");
        }
        return rsaKey(decode(text.substring(BEGIN.length(), end)));
    }

    private static byte[] decode(String body) throws Refused {
        String base64 = WHITESPACE.matcher(body).replaceAll("");
        if (!BASE64.matcher(base64).matches()) {
            throw new Refused("application.publicKey.damaged");
        }
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new Refused("application.publicKey.damaged");
        }
    }

    private static RSAPublicKey rsaKey(byte[] der) throws Refused {
        Optional<PublicKey> parsed = parseAs("RSA", der);
        if (parsed.isEmpty()) {
            Optional<String> other = otherAlgorithm(der);
            throw other.isPresent() ? new Refused("application.publicKey.notRsa", other.get())
                    : new Refused("application.publicKey.damaged");
        }
        if (!(parsed.get() instanceof RSAPublicKey rsa)) {
            throw new Refused("application.publicKey.notRsa", parsed.get().getAlgorithm());
        }
        int bits = rsa.getModulus().bitLength();
        if (bits < MIN_KEY_BITS) {
            throw new Refused("application.publicKey.tooShort", bitCount(bits), bitCount(MIN_KEY_BITS));
        }
        if (bits > MAX_KEY_BITS) {
            throw new Refused("application.publicKey.tooLong", bitCount(bits), bitCount(MAX_KEY_BITS));
        }
        return rsa;
    }

    /** As text, because a message would format the number 2048 as "2,048". */
    static String bitCount(int bits) {
        return Integer.toString(bits);
    }

    private static Optional<String> otherAlgorithm(byte[] der) {
        return OTHER_ALGORITHMS.stream().filter(algorithm -> parseAs(algorithm, der).isPresent()).findFirst();
    }

    private static Optional<PublicKey> parseAs(String algorithm, byte[] der) {
        try {
            return Optional.of(KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(der)));
        } catch (GeneralSecurityException | RuntimeException unreadable) {
            // Malformed DER surfaces as InvalidKeySpecException, but some providers throw runtime exceptions for it.
            return Optional.empty();
        }
    }
}
