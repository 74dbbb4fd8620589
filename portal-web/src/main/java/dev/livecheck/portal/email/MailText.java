package dev.livecheck.portal.email;

/**
 * What a recipient's name (or any other value not written by the business's admin) may bring into an e-mail. Line
 * breaks and other control characters would let a value start a new header line where headers are built (the
 * subject), and the template's placeholders or the outbox's sealed-link syntax inside a value would be expanded or
 * opened as if the template had put them there (a second link, a forged sealed link). Both are removed.
 */
final class MailText {

    /** Template placeholders and the sealed-link brackets ({@link LinkSealer#seal}). */
    private static final String[] PLACEHOLDER_SYNTAX = {"{link}", "{name}", "[[", "]]"};

    private MailText() {
    }

    /** A value for a body or a header: one line, no control characters, no placeholder syntax. */
    static String value(String raw) {
        if (raw == null) {
            return "";
        }
        String text = oneLine(raw);
        String previous;
        do {
            // Repeated until stable: removing "{link}" from "{li{link}nk}" leaves another "{link}".
            previous = text;
            for (String syntax : PLACEHOLDER_SYNTAX) {
                text = text.replace(syntax, "");
            }
        } while (!text.equals(previous));
        return text.strip();
    }

    /** A header value (the subject): every control character, CR and LF first, becomes a space. */
    static String oneLine(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        raw.codePoints().forEach(c -> out.appendCodePoint(Character.isISOControl(c) || c == 0x2028 || c == 0x2029
                || c == 0x85 ? ' ' : c));
        return out.toString();
    }
}
