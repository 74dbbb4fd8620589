package dev.livecheck.portal.capture;

/** The brand colour as a stylesheet (the CSP forbids inline styles): one custom property the page's CSS uses. */
final class CaptureTheme {

    private CaptureTheme() {
    }

    /** @param colour {@code #rrggbb}, as {@link CaptureLink#brandColour()} always is */
    static String css(String colour) {
        return ":root { --capture-brand: " + colour + "; }\n";
    }
}
