package dev.livecheck.portal.web;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * An engine reason code ({@code FLAT_SURFACE}, {@code TOO_DARK}, ...) in plain words, from the message bundles
 * ({@code reason.<CODE>}, English and German). Pages call {@code ${@reasons.text(code)}}, the PDF and the dashboard
 * pass their locale. A code this portal has no words for (a newer engine's) is shown as the code itself rather than
 * hidden; exports (CSV, the evidence bundle's JSON) keep the codes, which are what tooling reads.
 */
@Component("reasons")
public class ReasonTexts {
    static final String PREFIX = "reason.";

    private final MessageSource messages;

    public ReasonTexts(MessageSource messages) {
        this.messages = messages;
    }

    /** In the current request's locale; empty for no code. */
    public String text(String code) {
        return text(code, LocaleContextHolder.getLocale());
    }

    public String text(String code, Locale locale) {
        if (code == null || code.isBlank()) {
            return "";
        }
        return messages.getMessage(PREFIX + code, null, code, locale);
    }
}
