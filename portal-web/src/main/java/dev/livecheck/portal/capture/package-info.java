/**
 * The end user's side of a verification: the capture page behind the e-mailed link ({@code /c/{token}}) and the
 * WebSocket endpoint ({@code /ws/capture}) that streams camera frames into the liveness engine, speaking the capture
 * protocol, and stores each decided attempt.
 */
package dev.livecheck.portal.capture;
