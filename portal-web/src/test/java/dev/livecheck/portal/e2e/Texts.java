package dev.livecheck.portal.e2e;

import java.util.Locale;
import java.util.ResourceBundle;

/** The portal's English wording, read from its message bundle so the journeys assert what users really read. */
final class Texts {
    private static final ResourceBundle EN = ResourceBundle.getBundle("messages", Locale.ROOT);

    private Texts() {
    }

    static String en(String key) {
        return EN.getString(key);
    }

    /** A text with its {placeholders} cut off, for "starts with" checks of texts that carry numbers. */
    static String prefix(String key) {
        String text = en(key);
        int brace = text.indexOf('{');
        return brace < 0 ? text : text.substring(0, brace);
    }
}
