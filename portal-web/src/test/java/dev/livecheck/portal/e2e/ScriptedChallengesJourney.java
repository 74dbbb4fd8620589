package dev.livecheck.portal.e2e;

import dev.livecheck.portal.capture.FixedChallengesConfiguration;
import org.springframework.context.annotation.Import;

/**
 * Journeys with a bona fide fake camera. A recording cannot follow random challenges, so this portal (its own
 * instance and database) asks every attempt TURN_LEFT then LOOK_UP, the order the recordings perform, through the
 * test-only {@link FixedChallengesConfiguration}; the planner itself is the production one. Every other journey, and
 * production, keeps random challenges.
 */
@Import(FixedChallengesConfiguration.class)
abstract class ScriptedChallengesJourney extends BrowserJourney {
}
