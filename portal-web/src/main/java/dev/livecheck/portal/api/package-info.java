/**
 * The session API under {@code /idverify/v1}: the IDV session format of the vendor whose check Livecheck implements,
 * with its signed requests, so that the vendor's published SDKs work by changing only their base URL (docs/api.md).
 * {@link dev.livecheck.portal.api.ApiAuthenticationFilter} authenticates every request by its RSA-SHA256 signature
 * (the application's public key), timestamp window and one-time nonce, then rate-limits per application; the
 * controllers see only the authenticated {@link dev.livecheck.portal.api.ApiCaller} and its business.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"email", "notifications", "sessions", "sessions::report", "web"})
package dev.livecheck.portal.api;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
