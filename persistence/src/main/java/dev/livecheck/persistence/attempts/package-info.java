/**
 * Attempts and their media: one decided attempt of a session (recommendation, liveness_auth, the engine's report
 * JSON, timings) with three images (frontal at start, at a challenge, frontal at the end). Stored in one transaction
 * by {@link dev.livecheck.persistence.attempts.AttemptRecorder}; image bytes are purged after the profile's retention
 * by {@link dev.livecheck.persistence.attempts.MediaRetention}.
 */
@NullMarked
package dev.livecheck.persistence.attempts;

import org.jspecify.annotations.NullMarked;
