package dev.livecheck.persistence.support;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one rule for an e-mail address, wherever one is entered or stored: the portal's forms (through the portal's
 * {@code @EmailAddress} constraint), the add-business command and the bootstrap properties, sign-in, and the records
 * that store addresses (portal users, session recipients, the outbox). The rule is a plain {@code local@domain}: a
 * dot-atom local part (RFC 5322 atext, no quoted strings) of at most 64 characters, a domain of letter-or-digit labels
 * with inner hyphens (at most 63 characters each, 255 in all, no address literals), at most {@link #MAX_LENGTH}
 * characters in all, and no white space anywhere. Like Bean Validation's {@code @Email}, which the forms used before,
 * the domain needs no dot and non-ASCII letters are accepted.
 */
public final class EmailAddresses {
    /** Every address column is {@code VARCHAR(320)} (64 for the local part, "@", 255 for the domain). */
    public static final int MAX_LENGTH = 320;
    public static final int MAX_LOCAL_PART_LENGTH = 64;
    public static final int MAX_DOMAIN_LENGTH = 255;

    private static final String ATOM = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~\\-\\u0080-\\uFFFF]+";
    private static final Pattern LOCAL_PART = Pattern.compile(ATOM + "(\\." + ATOM + ")*");
    private static final String LABEL = "[\\p{L}\\p{N}]([\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?";
    private static final Pattern DOMAIN = Pattern.compile(LABEL + "(\\." + LABEL + ")*");

    private EmailAddresses() {
    }

    /** True if {@code value} is an address as it may be stored (already stripped). */
    public static boolean isValid(String value) {
        if (value == null || value.isEmpty() || value.length() > MAX_LENGTH) {
            return false;
        }
        int at = value.indexOf('@');
        if (at < 1 || at != value.lastIndexOf('@')) {
            return false;
        }
        String local = value.substring(0, at);
        String domain = value.substring(at + 1);
        return local.length() <= MAX_LOCAL_PART_LENGTH && domain.length() <= MAX_DOMAIN_LENGTH
                && LOCAL_PART.matcher(local).matches() && DOMAIN.matcher(domain).matches();
    }

    /**
     * The shape every stored address has had (an {@code @} with something before and after it, at most
     * {@link #MAX_LENGTH} characters): what a record checks when it is built, which includes reading a row back.
     * New addresses are held to {@link #isValid} where they enter (forms, API, CLI, sign-in and the records' factory
     * methods); reading a row stored under an older, laxer rule must not fail, or the row could no longer be listed,
     * sent or deleted.
     */
    public static boolean isStorable(String value) {
        if (value == null || value.length() > MAX_LENGTH) {
            return false;
        }
        int at = value.indexOf('@');
        return at >= 1 && at < value.length() - 1;
    }

    /** A stored login address as {@link #normalize} makes it, checked only for {@link #isStorable its shape}. */
    public static String normalizeStored(String value) {
        String normalized = value == null ? null : value.strip().toLowerCase(Locale.ROOT);
        if (!isStorable(normalized)) {
            throw new IllegalArgumentException("not an e-mail address: " + value);
        }
        return normalized;
    }

    /**
     * A login address: stripped and lower-cased (Locale.ROOT), as {@code portal_user.email} stores it.
     *
     * @throws IllegalArgumentException if it is not {@link #isValid valid}
     */
    public static String normalize(String value) {
        if (value == null) {
            throw new IllegalArgumentException("an e-mail address is required");
        }
        String normalized = value.strip().toLowerCase(Locale.ROOT);
        if (!isValid(normalized)) {
            throw new IllegalArgumentException("not an e-mail address: " + value);
        }
        return normalized;
    }

    /** @throws IllegalArgumentException naming {@code what} if {@code value} is not {@link #isValid valid} */
    public static String require(String value, String what) {
        if (!isValid(value)) {
            throw new IllegalArgumentException(what + " is not an e-mail address: " + value);
        }
        return value;
    }
}
