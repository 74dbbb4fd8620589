/**
 * Verification sessions: one recipient, one capture link (only the SHA-256 of its token is stored), its state
 * (ONGOING / COMPLETED / EXPIRED), attempt counters, the latest recommendation and the business's own final decision,
 * which is recorded once and never changed.
 */
@NullMarked
package dev.livecheck.persistence.sessions;

import org.jspecify.annotations.NullMarked;
