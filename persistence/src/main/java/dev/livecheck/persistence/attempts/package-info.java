/**
 * Attempts and their media: one decided attempt of a session (recommendation, liveness_auth, the engine's report
 * JSON, timings) with three images (frontal at start, at a challenge, frontal at the end). Stored in one transaction
 * by {@link dev.livecheck.persistence.attempts.AttemptRecorder}; image bytes are purged after the profile's retention
 * by {@link dev.livecheck.persistence.attempts.MediaRetention}.
 */
// Not @NullMarked (JSpecify) like the other packages: Spring Data would then reject every null argument and null
// result of this package's repositories at run time, and their nullable parameters are not annotated yet.
package dev.livecheck.persistence.attempts;
