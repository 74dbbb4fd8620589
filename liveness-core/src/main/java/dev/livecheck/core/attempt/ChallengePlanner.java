package dev.livecheck.core.attempt;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Draws the challenges of one attempt. A {@link SecureRandom} makes the order
 * unpredictable, so a video recorded for another attempt answers the wrong
 * questions; no action follows itself, so every step is a visible change.
 */
public final class ChallengePlanner {

    public static final int MIN_CHALLENGES = 2;
    public static final int MAX_CHALLENGES = 3;

    private final RandomGenerator random;

    public ChallengePlanner() {
        this(new SecureRandom());
    }

    /** For tests and for reproducible corpora only; production uses {@link SecureRandom}. */
    public ChallengePlanner(RandomGenerator random) {
        this.random = random;
    }

    public List<Challenge> plan(int count) {
        if (count < MIN_CHALLENGES || count > MAX_CHALLENGES) {
            throw new IllegalArgumentException("challenge count must be 2 or 3, was " + count);
        }
        Challenge[] all = Challenge.values();
        List<Challenge> plan = new ArrayList<>(count);
        while (plan.size() < count) {
            Challenge next = all[random.nextInt(all.length)];
            if (plan.isEmpty() || plan.get(plan.size() - 1) != next) {
                plan.add(next);
            }
        }
        return List.copyOf(plan);
    }
}
