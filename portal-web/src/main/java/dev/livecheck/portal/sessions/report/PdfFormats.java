package dev.livecheck.portal.sessions.report;

import dev.livecheck.portal.sessions.ReportFormats;
import dev.livecheck.portal.web.ReasonTexts;
import java.time.Instant;
import java.util.Locale;

/**
 * What the PDF template calls as {@code ${fmt...}} and {@code ${reasons...}}: the report's formats, and reason codes
 * in plain words in the document's locale (a PDF is rendered outside the request's locale when the API asks).
 */
final class PdfFormats {
    private PdfFormats() {
    }

    static final class Fmt {
        public String instant(Instant instant) {
            return ReportFormats.instant(instant);
        }

        /** A lifetime in the largest whole unit: 72 h, 30 d, 15 min, 90 s. */
        public String duration(long seconds) {
            if (seconds > 0 && seconds % 86_400 == 0) {
                return seconds / 86_400 + " d";
            }
            if (seconds > 0 && seconds % 3_600 == 0) {
                return seconds / 3_600 + " h";
            }
            if (seconds > 0 && seconds % 60 == 0) {
                return seconds / 60 + " min";
            }
            return seconds + " s";
        }
    }

    record Reasons(ReasonTexts texts, Locale locale) {
        public String text(String code) {
            return texts.text(code, locale);
        }
    }
}
