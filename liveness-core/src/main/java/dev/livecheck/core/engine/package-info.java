/**
 * The engine's front door: {@link dev.livecheck.core.engine.LivenessEngine}
 * loads the models once, keeps a pool of per-thread frame analyzers, plans
 * challenges, and runs attempts either live ({@link
 * dev.livecheck.core.engine.LiveAttempt}, fed frame by frame from a socket) or
 * offline (a whole {@link dev.livecheck.core.recording.Recording}) through the
 * same state machine and judge.
 */
@NullMarked
package dev.livecheck.core.engine;

import org.jspecify.annotations.NullMarked;
