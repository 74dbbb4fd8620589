package dev.livecheck.portal.capture;

import dev.livecheck.core.attempt.Challenge;
import dev.livecheck.core.attempt.ChallengePlanner;
import java.security.SecureRandom;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Test-only: every attempt asks for {@link #CHALLENGES}, so pre-rendered recordings answer the right questions, unless
 * a test scripts the next draw with {@link #drawNext} (to tell one draw from another). The planner stays the
 * production {@link ChallengePlanner}; only its random source is scripted to pick these actions.
 */
@TestConfiguration(proxyBeanMethods = false)
public class FixedChallengesConfiguration {

    public static final List<Challenge> CHALLENGES = List.of(Challenge.TURN_LEFT, Challenge.LOOK_UP);

    /** Ordinals the next draws take before the default cycle resumes; shared by the one test context. */
    private static final Queue<Integer> NEXT = new ConcurrentLinkedQueue<>();

    /** The next draw of two challenges yields these (no action twice in a row, as the planner requires). */
    static void drawNext(List<Challenge> challenges) {
        challenges.forEach(c -> NEXT.add(c.ordinal()));
    }

    static void clearScriptedDraws() {
        NEXT.clear();
    }

    @Bean
    @Primary
    ChallengePlanner fixedChallengePlanner() {
        return new ChallengePlanner(new Scripted(CHALLENGES));
    }

    /**
     * Returns the ordinals of the given challenges, in order, over and over, for the planner's choice of challenge;
     * anything else it is asked (a pausing planner's pauses) comes from SecureRandom, as in production.
     */
    public static final class Scripted implements RandomGenerator {
        private final int[] ordinals;
        private final AtomicInteger next = new AtomicInteger();
        private final SecureRandom secure = new SecureRandom();

        public Scripted(List<Challenge> challenges) {
            this.ordinals = challenges.stream().mapToInt(Challenge::ordinal).toArray();
        }

        @Override
        public int nextInt(int bound) {
            Integer scripted = NEXT.poll();
            if (scripted != null) {
                return scripted;
            }
            return ordinals[Math.floorMod(next.getAndIncrement(), ordinals.length)];
        }

        @Override
        public long nextLong() {
            return secure.nextLong();
        }
    }
}
