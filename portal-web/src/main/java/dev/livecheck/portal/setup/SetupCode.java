package dev.livecheck.portal.setup;

import dev.livecheck.portal.web.OwnerOnlyFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The one-time code that /setup asks for, so that whoever merely reaches the port of a fresh installation cannot
 * create its owner. It is shown only where the operator looks: the start-up log (one line with the URL) and a file
 * readable by the portal's own OS user alone ({@code livecheck.setup-code-file}). After {@link #MAX_WRONG_ENTRIES}
 * wrong entries the code is replaced (and logged and written again), so guessing it online is hopeless: 12 characters
 * from 30 are about 59 bits, 10 tries per code.
 *
 * <p>Each portal node has its own code (it lives in memory; the file is per host): open /setup on the node whose log
 * you read. The bootstrap settings and the add-business command need no code.
 */
@Component
class SetupCode {
    static final int MAX_WRONG_ENTRIES = 10;
    /** No 0/O, 1/I/L or U: nothing to misread when typed from a terminal. */
    private static final String ALPHABET = "ABCDEFGHJKMNPQRSTVWXYZ23456789";
    private static final int GROUPS = 3;
    private static final int GROUP_LENGTH = 4;
    private static final Logger log = LoggerFactory.getLogger(SetupCode.class);

    private final SetupState state;
    private final Path file;
    private final String setupUrl;
    private final SecureRandom random = new SecureRandom();
    private String code;
    private int wrongEntries;

    SetupCode(SetupState state, @Value("${livecheck.setup-code-file}") Path file,
              @Value("${livecheck.public-base-url}") String publicBaseUrl) {
        this.state = state;
        this.file = file;
        this.setupUrl = publicBaseUrl.replaceAll("/+$", "") + "/setup";
    }

    /** At start-up, after the bootstrap: a code while setup is open, otherwise no code and no stale file. */
    synchronized void issueIfSetupOpen() {
        if (state.isComplete()) {
            discard();
        } else if (code == null) {
            replace();
        }
    }

    /**
     * Whether {@code entered} is the current code (case, spaces and dashes do not matter). A wrong entry counts
     * towards the replacement.
     */
    synchronized boolean accepts(String entered) {
        if (code == null || entered == null) {
            return false;
        }
        byte[] expected = normalize(code).getBytes(StandardCharsets.US_ASCII);
        byte[] given = normalize(entered).getBytes(StandardCharsets.US_ASCII);
        if (MessageDigest.isEqual(expected, given)) {
            return true;
        }
        wrongEntries++;
        if (wrongEntries >= MAX_WRONG_ENTRIES) {
            log.warn("{} wrong setup codes were entered; the code is replaced", wrongEntries);
            replace();
        }
        return false;
    }

    /** Setup is done: the code is gone from memory and disk. */
    synchronized void discard() {
        code = null;
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete the used setup code file {}: {}", file.toAbsolutePath(), e.getMessage());
        }
    }

    private void replace() {
        code = generate();
        wrongEntries = 0;
        write(code);
        // One line, the operator's cue: README's first command leads here.
        log.warn("Setup code: {} (open {} and enter it; also in {})", code, setupUrl, file.toAbsolutePath());
    }

    private String generate() {
        StringBuilder out = new StringBuilder();
        for (int g = 0; g < GROUPS; g++) {
            if (g > 0) {
                out.append('-');
            }
            for (int i = 0; i < GROUP_LENGTH; i++) {
                out.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
        }
        return out.toString();
    }

    private static String normalize(String value) {
        return value.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    }

    /**
     * Writes a temporary file created owner-only (never readable by others, not even for a moment) and moves it into
     * place atomically, so a reader sees the old code or the new one, never half a file.
     */
    private void write(String value) {
        try {
            Path temp = OwnerOnlyFiles.createTemp(file.toAbsolutePath().getParent(), ".setup-code");
            Files.writeString(temp, value + System.lineSeparator(), StandardCharsets.US_ASCII);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the setup code to " + file.toAbsolutePath(), e);
        }
    }
}
