package dev.livecheck.portal.web;

/**
 * Where the session API lives: the base path the SDKs are configured with ({@code {public-base-url}/idverify/v1},
 * shown on an application's page) and the end user's web entry below it. One home for the paths the api, capture and
 * applications modules all answer or print.
 */
public final class SessionApiPaths {

    public static final String BASE = "/idverify/v1";
    /** The SDK's web entry to the capture page: {@code ?sessionID=…&sessionToken=…}. */
    public static final String WEB_ENTRY = BASE + "/web/index.html";
    /** The web entry's brand stylesheets, keyed by colour. */
    public static final String WEB_THEME = BASE + "/web/theme/";

    private SessionApiPaths() {
    }
}
