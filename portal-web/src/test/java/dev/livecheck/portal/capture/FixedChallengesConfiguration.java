package dev.livecheck.portal.capture;

import dev.livecheck.core.attempt.Challenge;
import dev.livecheck.core.attempt.ChallengePlanner;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Test-only: every attempt asks for {@link #CHALLENGES}, so pre-rendered recordings answer the right questions. The
 * planner stays the production {@link ChallengePlanner}; only its random source is scripted to pick these actions.
 */
@TestConfiguration(proxyBeanMethods = false)
public class FixedChallengesConfiguration {

    public static final List<Challenge> CHALLENGES = List.of(Challenge.TURN_LEFT, Challenge.LOOK_UP);

    @Bean
    @Primary
    ChallengePlanner fixedChallengePlanner() {
        return new ChallengePlanner(new Scripted(CHALLENGES));
    }

    /** Returns the ordinals of the given challenges, in order, over and over. */
    static final class Scripted implements RandomGenerator {
        private final int[] ordinals;
        private final AtomicInteger next = new AtomicInteger();

        Scripted(List<Challenge> challenges) {
            this.ordinals = challenges.stream().mapToInt(Challenge::ordinal).toArray();
        }

        @Override
        public int nextInt(int bound) {
            return ordinals[Math.floorMod(next.getAndIncrement(), ordinals.length)];
        }

        @Override
        public long nextLong() {
            return nextInt(Challenge.values().length);
        }
    }
}
