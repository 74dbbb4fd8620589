/**
 * The attempt state machine: frontal lock inside the oval, then the server's
 * random challenges one by one (with a return to frontal between them),
 * guidance while the face is unusable, per-challenge and per-attempt
 * timeouts. It consumes {@link dev.livecheck.core.vision.FrameObservation}s in
 * arrival order and emits {@link dev.livecheck.core.attempt.AttemptEvent}s; the
 * same code serves a live WebSocket stream and an offline recording. It judges
 * nothing beyond "was the challenge performed": the checks package decides.
 */
@NullMarked
package dev.livecheck.core.attempt;

import org.jspecify.annotations.NullMarked;
