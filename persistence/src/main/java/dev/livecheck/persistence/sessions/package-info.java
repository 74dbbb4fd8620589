/**
 * Verification sessions: one recipient, one capture link (only the SHA-256 of its token is stored), its state
 * (ONGOING / COMPLETED / EXPIRED), attempt counters, the latest recommendation and the business's own final decision,
 * which is recorded once and never changed.
 */
// Not @NullMarked (JSpecify) like the other packages: Spring Data would then reject every null argument and null
// result of this package's repositories at run time, and their nullable parameters are not annotated yet.
package dev.livecheck.persistence.sessions;
