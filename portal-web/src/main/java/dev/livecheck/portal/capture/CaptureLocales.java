package dev.livecheck.portal.capture;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** The capture page speaks English or German: the profile's locale if it is one of those, else the browser's choice. */
final class CaptureLocales {

    static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.GERMAN);

    private CaptureLocales() {
    }

    static Locale choose(String profileLocale, HttpServletRequest request) {
        if (profileLocale != null) {
            Locale profile = Locale.forLanguageTag(profileLocale.replace('_', '-'));
            for (Locale supported : SUPPORTED) {
                if (supported.getLanguage().equals(profile.getLanguage())) {
                    return supported;
                }
            }
        }
        return fromBrowser(request);
    }

    static Locale fromBrowser(HttpServletRequest request) {
        for (Locale wanted : Collections.list(request.getLocales())) {
            for (Locale supported : SUPPORTED) {
                if (supported.getLanguage().equals(wanted.getLanguage())) {
                    return supported;
                }
            }
        }
        return Locale.ENGLISH;
    }
}
