/**
 * The end user's side of a verification: the capture page behind the e-mailed link ({@code /c/{token}}) and behind
 * the SDK's web entry ({@code /idverify/v1/web/index.html}, embeddable in the API application's sites), and the
 * WebSocket endpoint ({@code /ws/capture}) that streams camera frames into the liveness engine, speaking the capture
 * protocol, and stores each decided attempt.
 *
 * <p>The way of a frame: {@link dev.livecheck.portal.capture.CaptureSocketHandler} gives each socket a
 * {@link dev.livecheck.portal.capture.CaptureConnection} (opened by {@link dev.livecheck.portal.capture.CaptureConnections};
 * a "connection" is a socket, a "session" only ever the verification session), which inspects each frame once and
 * claims the session's attempt through {@link dev.livecheck.portal.capture.AttemptGate}; the engine draws and starts
 * the attempt, an {@link dev.livecheck.portal.capture.AttemptWorker} feeds it on the engine threads, and the decision is
 * stored by {@link dev.livecheck.portal.capture.AttemptResults} on the storage executor, which also decides the
 * {@code result} the client is told.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"email", "security", "web"})
package dev.livecheck.portal.capture;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
