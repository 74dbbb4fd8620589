package dev.livecheck.portal.applications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** Pasted public keys: the one accepted form, and a distinct reason for each usual mistake. */
class UploadedPublicKeyTest {

    private static final KeyPair RSA_2048 = pair("RSA", 2048);

    @Test
    void anRsaPublicKeyInPemIsAccepted() throws Exception {
        RSAPublicKey key = UploadedPublicKey.parse(pem("PUBLIC KEY", RSA_2048.getPublic().getEncoded()));

        assertThat(key.getEncoded()).isEqualTo(RSA_2048.getPublic().getEncoded());
    }

    @Test
    void surroundingWhitespaceWindowsLineEndsAndUnwrappedBase64AreFine() throws Exception {
        String oneLine = "-----BEGIN PUBLIC KEY-----"
                + Base64.getEncoder().encodeToString(RSA_2048.getPublic().getEncoded()) + "-----END PUBLIC KEY-----";
        String crlf = "\n  " + pem("PUBLIC KEY", RSA_2048.getPublic().getEncoded()).replace("\n", "\r\n") + "\n\n";

        assertThat(UploadedPublicKey.parse(oneLine).getEncoded()).isEqualTo(RSA_2048.getPublic().getEncoded());
        assertThat(UploadedPublicKey.parse(crlf).getEncoded()).isEqualTo(RSA_2048.getPublic().getEncoded());
    }

    @Test
    void nothingPasted() {
        assertRefused(() -> UploadedPublicKey.parse(null), "application.publicKey.required");
        assertRefused(() -> UploadedPublicKey.parse(" \n "), "application.publicKey.required");
    }

    @Test
    void garbage() {
        assertRefused(() -> UploadedPublicKey.parse("ssh-rsa AAAAB3NzaC1yc2E me@laptop"),
                "application.publicKey.notPem");
        assertRefused(() -> UploadedPublicKey.parse("-----BEGIN PUBLIC KEY-----\n%%% not base64 %%%\n"
                + "-----END PUBLIC KEY-----"), "application.publicKey.damaged");
        assertRefused(() -> UploadedPublicKey.parse("-----BEGIN PUBLIC KEY-----\n"
                + Base64.getEncoder().encodeToString("hello, world".getBytes(StandardCharsets.UTF_8))
                + "\n-----END PUBLIC KEY-----"), "application.publicKey.damaged");
        assertRefused(() -> UploadedPublicKey.parse("-----BEGIN PUBLIC KEY-----\n-----END PUBLIC KEY-----"),
                "application.publicKey.damaged");
    }

    @Test
    void aCertificateIsNoPublicKey() {
        assertRefused(() -> UploadedPublicKey.parse(pem("CERTIFICATE", RSA_2048.getPublic().getEncoded())),
                "application.publicKey.notPem");
    }

    @Test
    void truncated() {
        String whole = pem("PUBLIC KEY", RSA_2048.getPublic().getEncoded());

        assertRefused(() -> UploadedPublicKey.parse(whole.substring(0, whole.length() / 2)),
                "application.publicKey.truncated");
        String body = Base64.getEncoder().encodeToString(RSA_2048.getPublic().getEncoded());
        assertRefused(() -> UploadedPublicKey.parse("-----BEGIN PUBLIC KEY-----\n" + body.substring(0, 200)
                + "\n-----END PUBLIC KEY-----"), "application.publicKey.damaged");
    }

    @Test
    void twoKeysOrTextAfterTheKey() {
        String one = pem("PUBLIC KEY", RSA_2048.getPublic().getEncoded());

        assertRefused(() -> UploadedPublicKey.parse(one + one), "application.publicKey.notOne");
        assertRefused(() -> UploadedPublicKey.parse(one + "and some notes"), "application.publicKey.notOne");
    }

    @Test
    void privateKeysPastedByMistake() {
        byte[] pkcs8 = RSA_2048.getPrivate().getEncoded();

        assertRefused(() -> UploadedPublicKey.parse(pem("PRIVATE KEY", pkcs8)), "application.publicKey.private");
        assertRefused(() -> UploadedPublicKey.parse(pem("RSA PRIVATE KEY", pkcs8)), "application.publicKey.private");
        assertRefused(() -> UploadedPublicKey.parse(pem("ENCRYPTED PRIVATE KEY", pkcs8)),
                "application.publicKey.private");
        // Both halves pasted at once: the private one must still be noticed.
        assertRefused(() -> UploadedPublicKey.parse(pem("PUBLIC KEY", RSA_2048.getPublic().getEncoded())
                + pem("PRIVATE KEY", pkcs8)), "application.publicKey.private");
        assertThat(UploadedPublicKey.looksPrivate(pem("PRIVATE KEY", pkcs8))).isTrue();
        assertThat(UploadedPublicKey.looksPrivate(pem("PUBLIC KEY", RSA_2048.getPublic().getEncoded()))).isFalse();
    }

    @Test
    void aPkcs1RsaPublicKeyGetsTheConversionHint() {
        assertRefused(() -> UploadedPublicKey.parse(pem("RSA PUBLIC KEY", RSA_2048.getPublic().getEncoded())),
                "application.publicKey.pkcs1");
    }

    @Test
    void otherKeyTypesAreNamed() {
        assertRefusedWith(pem("PUBLIC KEY", pair("EC", 256).getPublic().getEncoded()),
                "application.publicKey.notRsa", "EC");
        assertRefusedWith(pem("PUBLIC KEY", pair("Ed25519", 255).getPublic().getEncoded()),
                "application.publicKey.notRsa", "Ed25519");
    }

    @Test
    void tooShortAndTooLongRsaKeys() throws GeneralSecurityException {
        assertRefusedWith(pem("PUBLIC KEY", pair("RSA", 1024).getPublic().getEncoded()),
                "application.publicKey.tooShort", "1024", "2048");
        // Only the modulus size matters here, so an odd 8200-bit number stands in for a real key (slow to generate).
        BigInteger modulus = BigInteger.ONE.shiftLeft(8199).setBit(0);
        byte[] huge = KeyFactory.getInstance("RSA").generatePublic(
                new RSAPublicKeySpec(modulus, BigInteger.valueOf(65537))).getEncoded();
        assertRefusedWith(pem("PUBLIC KEY", huge), "application.publicKey.tooLong", "8200", "8192");
    }

    @Test
    void oversizedInputIsNotParsed() {
        String padded = pem("PUBLIC KEY", RSA_2048.getPublic().getEncoded()) + " ".repeat(10 * 1024);

        assertRefusedWith(padded, "application.publicKey.tooLarge", 10);
        assertRefusedWith("A".repeat(5_000_000), "application.publicKey.tooLarge", 10);
    }

    @Test
    void theFloorIsTheApisAndGeneratedKeysMeetIt() {
        assertThat(UploadedPublicKey.MIN_KEY_BITS).isEqualTo(dev.livecheck.portal.api.ApiSignature.MIN_KEY_BITS);
        assertThat(ApplicationKey.GENERATED_KEY_BITS).isGreaterThanOrEqualTo(UploadedPublicKey.MIN_KEY_BITS);
    }

    private static void assertRefused(ThrowingCallable parse, String code) {
        assertThatThrownBy(parse).isInstanceOfSatisfying(UploadedPublicKey.Refused.class,
                refused -> assertThat(refused.code()).isEqualTo(code));
    }

    private static void assertRefusedWith(String pem, String code, Object... args) {
        assertThatThrownBy(() -> UploadedPublicKey.parse(pem)).isInstanceOfSatisfying(UploadedPublicKey.Refused.class,
                refused -> {
                    assertThat(refused.code()).isEqualTo(code);
                    assertThat(refused.args()).containsExactly(args);
                });
    }

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static KeyPair pair(String algorithm, int bits) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            if (!algorithm.equals("Ed25519")) {
                generator.initialize(bits);
            }
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
