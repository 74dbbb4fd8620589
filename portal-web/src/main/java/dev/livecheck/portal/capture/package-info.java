/**
 * The end user's side of a verification: the capture page behind the e-mailed link ({@code /c/{token}}) and behind
 * the SDK's web entry ({@code /idverify/v1/web/index.html}, embeddable in the API application's sites), and the
 * WebSocket endpoint ({@code /ws/capture}) that streams camera frames into the liveness engine, speaking the capture
 * protocol, and stores each decided attempt.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"email", "security", "web"})
package dev.livecheck.portal.capture;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
