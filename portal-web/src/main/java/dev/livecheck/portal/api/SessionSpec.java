package dev.livecheck.portal.api;

import java.util.List;

/**
 * A validated session specification ({@code POST /sessions}) with the defaults applied: every value here is within
 * the rules the portal's own forms apply ({@link SessionSpecParser}).
 *
 * @param clientSessionTokenTtl seconds the client session token (the web entry) works
 * @param resourcesTtl          seconds the attempts' images are kept at most
 * @param maxAbandonedAttempts  attempts abandoned after a challenge the session tolerates (Livecheck's extension)
 * @param notification          null when the caller asked for none
 */
record SessionSpec(int clientSessionTokenTtl, int resourcesTtl, String userTrackingId, int maxAttempts,
                   int maxAbandonedAttempts, Notification notification, SdkConfig sdkConfig) {

    /** Where to POST notifications, for which topics, and with which {@code Authorization} (both may be null). */
    record Notification(String endpoint, List<String> topics, String authType, String authToken) {
    }

    /** The capture page's settings; every field may be null (the profile's value or none). */
    record SdkConfig(String primaryColour, String locale, String successUrl, String errorUrl,
                     String privacyPolicyUrl) {
        static final SdkConfig NONE = new SdkConfig(null, null, null, null, null);
    }
}
