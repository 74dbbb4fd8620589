package dev.livecheck.portal.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a new password must be, in one place for every way one is set (setup page, bootstrap, add-business, an owner's
 * new user or reset, a user's own change): {@value #MIN_LENGTH} characters or more, at most {@value #MAX_BYTES} bytes
 * in UTF-8 (BCrypt reads no further: the rest would silently not count, and the encoder refuses it), and not one of the
 * 10,000 most common passwords ({@code security/common-passwords.txt}, see its PROVENANCE.md).
 */
public final class PasswordPolicy {
    public static final int MIN_LENGTH = 12;
    public static final int MAX_BYTES = 72;
    private static final String COMMON_LIST = "/security/common-passwords.txt";

    private PasswordPolicy() {
    }

    /** What is wrong with {@code password} as a new password; {@code null} when nothing is. */
    public static @Nullable Problem check(String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return Problem.TOO_SHORT;
        }
        if (tooLong(password)) {
            return Problem.TOO_LONG;
        }
        if (isCommon(password)) {
            return Problem.COMMON;
        }
        return null;
    }

    /** Over BCrypt's 72 bytes in UTF-8 (a 72-character password with an "ä" already is). */
    public static boolean tooLong(String password) {
        return password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES;
    }

    /** Compared lower-cased: the list is, and "Password123" is no better than "password123". */
    public static boolean isCommon(String password) {
        return CommonPasswords.LIST.contains(password.toLowerCase(Locale.ROOT));
    }

    /** The message keys (in messages.properties) say each problem to the user. */
    public enum Problem {
        TOO_SHORT("password.tooShort"),
        TOO_LONG("password.tooLong"),
        COMMON("password.common");

        private final String messageKey;

        Problem(String messageKey) {
            this.messageKey = messageKey;
        }

        public String messageKey() {
            return messageKey;
        }

        /** For a terminal or a log, where there is no message bundle. */
        public String describe() {
            return switch (this) {
                case TOO_SHORT -> "must have at least " + MIN_LENGTH + " characters";
                case TOO_LONG -> "must have at most " + MAX_BYTES + " bytes in UTF-8 (fewer characters with accents)";
                case COMMON -> "is one of the 10,000 most common passwords";
            };
        }
    }

    /** Loaded on first use, once. */
    private static final class CommonPasswords {
        static final Set<String> LIST = load();

        private static Set<String> load() {
            try (InputStream in = PasswordPolicy.class.getResourceAsStream(COMMON_LIST)) {
                if (in == null) {
                    throw new IllegalStateException(COMMON_LIST + " is missing from the classpath");
                }
                Set<String> list = new HashSet<>();
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    if (!line.isEmpty()) {
                        list.add(line.toLowerCase(Locale.ROOT));
                    }
                }
                return Set.copyOf(list);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
