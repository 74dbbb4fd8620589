package dev.livecheck.portal.capture;

import dev.livecheck.persistence.sessions.Recommendation;

/**
 * What the client learns about a stored attempt: the recommendation, attempts left, whether the session is over,
 * and where to go if it is. Deliberately nothing else.
 */
record AttemptOutcome(Recommendation recommendation, int attemptsLeft, boolean isFinal, String redirect) {
}
