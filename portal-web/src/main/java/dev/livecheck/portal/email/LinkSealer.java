package dev.livecheck.portal.email;

import dev.livecheck.portal.web.OwnerOnlyFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Keeps capture links out of the database in readable form. Only the token's hash may be stored, yet an outbox e-mail
 * must carry the link until it is sent (or copied from the outbox page). So the outbox body holds the link sealed with
 * AES-GCM under a key that is not in the database: {@code livecheck.link-key} (Base64 of 32 bytes, the same on every
 * node) or, for a single node, a key file created on first start. Back the key up apart from the database: a
 * database backup alone must not unseal links and secrets (docs/operations.md).
 */
@Component
public class LinkSealer {
    private static final Pattern SEALED = Pattern.compile("\\[\\[sealed-link:([A-Za-z0-9_-]+)]]");
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    /** AES-256: the only key size accepted, from the setting or the file. */
    static final int KEY_BYTES = 32;

    /**
     * @throws IllegalStateException at start, naming the setting or file, when the key is not Base64 of exactly
     *                               {@value #KEY_BYTES} bytes (a short or mistyped key must not quietly weaken sealing)
     */
    LinkSealer(@Value("${livecheck.link-key:}") String base64Key,
               @Value("${livecheck.link-key-file:./data/link.key}") Path keyFile) {
        this.key = new SecretKeySpec(base64Key.isBlank() ? keyFromFile(keyFile)
                : validated(base64Key, "livecheck.link-key (LIVECHECK_LINK_KEY)"), "AES");
    }

    static byte[] validated(String base64Key, String source) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64Key.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(source + " is not Base64: set Base64 of " + KEY_BYTES
                    + " random bytes, e.g. $(head -c" + KEY_BYTES + " /dev/urandom | base64)");
        }
        if (key.length != KEY_BYTES) {
            throw new IllegalStateException(source + " holds " + key.length + " bytes; it must be Base64 of exactly "
                    + KEY_BYTES + " random bytes, e.g. $(head -c" + KEY_BYTES + " /dev/urandom | base64)");
        }
        return key;
    }

    /** A placeholder to put into stored text instead of {@code link}. */
    public String seal(String link) {
        return "[[sealed-link:" + sealValue(link) + "]]";
    }

    /**
     * Any other secret the portal must use again but the database must not reveal (an API application's notification
     * secret, a session's notification auth token): URL-safe Base64 of IV + AES-GCM ciphertext.
     */
    public String sealValue(String secret) {
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        byte[] sealed = cipher(Cipher.ENCRYPT_MODE, iv).doFinal(secret.getBytes(StandardCharsets.UTF_8));
        byte[] out = ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(out);
    }

    /**
     * Opens a {@link #sealValue sealed value}.
     *
     * @throws IllegalStateException if it was sealed under another key (e.g. a lost link key file)
     */
    public String openValue(String sealed) {
        return open(sealed);
    }

    /**
     * A key for another purpose (e.g. "capture-ticket"), derived from the link key with HMAC-SHA256 so that every
     * node with the same link key derives the same key, while the link key itself only ever encrypts. Returned as
     * an HmacSHA256 key.
     */
    public SecretKey derivedKey(String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getEncoded(), "HmacSHA256"));
            byte[] derived = mac.doFinal(("livecheck/" + purpose).getBytes(StandardCharsets.UTF_8));
            return new SecretKeySpec(derived, "HmacSHA256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** The stored text with every sealed link opened again, for sending or showing to an admin; null stays null. */
    public @Nullable String unseal(@Nullable String text) {
        if (text == null) {
            return null;
        }
        Matcher m = SEALED.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(open(m.group(1))));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** The first sealed link in {@code text}, opened; empty if there is none. */
    public Optional<String> firstLink(String text) {
        Matcher m = SEALED.matcher(text == null ? "" : text);
        return m.find() ? Optional.of(open(m.group(1))) : Optional.empty();
    }

    /**
     * @throws IllegalArgumentException if it is no sealed value at all (not Base64, too short): stored text that was
     *                                  never sealed by this class, e.g. the syntax typed into a name or template
     * @throws IllegalStateException    if it was sealed under another key
     */
    private String open(String base64) {
        byte[] all;
        try {
            all = Base64.getUrlDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("malformed sealed link: not Base64", e);
        }
        if (all.length < IV_BYTES + TAG_BITS / 8) {
            throw new IllegalArgumentException("malformed sealed link: " + all.length + " bytes");
        }
        ByteBuffer buffer = ByteBuffer.wrap(all);
        byte[] iv = new byte[IV_BYTES];
        buffer.get(iv);
        byte[] sealed = new byte[buffer.remaining()];
        buffer.get(sealed);
        return new String(cipher(Cipher.DECRYPT_MODE, iv).doFinal(sealed), StandardCharsets.UTF_8);
    }

    private Crypto cipher(int mode, byte[] iv) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
            return input -> {
                try {
                    return cipher.doFinal(input);
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException("sealed link does not open with this key", e);
                }
            };
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    private interface Crypto {
        byte[] doFinal(byte[] input);
    }

    /**
     * Reads the key file, or creates it: written to a temporary file that is owner-only from its creation, then
     * moved into place atomically and only if no file is there yet (two processes starting at once both end up
     * with the one key that won, never half a file or a world-readable moment).
     */
    static byte[] keyFromFile(Path file) {
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            return validated(Files.readString(file), "the link key file " + file.toAbsolutePath());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the link key file " + file.toAbsolutePath(), e);
        }
    }

    private static void create(Path file) throws IOException {
        byte[] key = new byte[KEY_BYTES];
        RANDOM.nextBytes(key);
        Path temp = OwnerOnlyFiles.createTemp(file.toAbsolutePath().getParent(), ".link-key");
        try {
            Files.writeString(temp, Base64.getEncoder().encodeToString(key) + System.lineSeparator());
            try {
                // a hard link appears atomically and never replaces a file (rename would): a key another process
                // just created wins and stays
                Files.createLink(file, temp);
            } catch (FileAlreadyExistsException raced) {
                // the other process's key is used (read by the caller)
            } catch (UnsupportedOperationException noHardLinks) {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
