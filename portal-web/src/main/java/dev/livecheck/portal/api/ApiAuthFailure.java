package dev.livecheck.portal.api;

/**
 * Why a request was not authenticated. Each is logged distinctly for the operator; the client always gets the same
 * generic 401 body, so a caller probing the API learns nothing about which check failed.
 */
enum ApiAuthFailure {
    /** sdkId, nonce or timestamp missing or malformed. */
    MISSING_PARAMETERS,
    /** No application has this SDK ID. */
    UNKNOWN_SDK_ID,
    /** The application was revoked in the portal. */
    REVOKED,
    /** No X-Yoti-Auth-Digest header. */
    MISSING_SIGNATURE,
    /** The signature does not match the request (tampered method, path, query or body, or another key). */
    BAD_SIGNATURE,
    /** The timestamp is older than the window. */
    STALE_TIMESTAMP,
    /** The timestamp is further ahead than the window. */
    FUTURE_TIMESTAMP,
    /** This application already sent this nonce within the window. */
    REPLAYED_NONCE
}
