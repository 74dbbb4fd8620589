package dev.livecheck.core.attempt;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Draws the challenges of one attempt and the pauses before them. A {@link
 * SecureRandom} makes the order unpredictable, so a video recorded for another
 * attempt answers the wrong questions; no action follows itself, so every step
 * is a visible change. The random pauses (the face must stay frontal that long
 * before each challenge is asked) make the moment unpredictable too, so a video
 * recorded for the same order still acts at the wrong times.
 */
public final class ChallengePlanner {

    public static final int MIN_CHALLENGES = 2;
    public static final int MAX_CHALLENGES = 3;
    /**
     * The pause before the first live challenge, counted from the lock (itself {@code lockMillis}, 0.4 s, of frontal
     * face): 1.1 to 1.5 s, so nothing is asked before 1.5 s of frontal face. The recording format's bona fide person
     * is frontal for about a second and then turns (the test kit: 0.8-1.2 s), so a recording made for an attempt that
     * asked at once turns while nothing is asked yet.
     */
    public static final long FIRST_PAUSE_MIN_MILLIS = 1100;
    public static final long FIRST_PAUSE_MAX_MILLIS = 1500;
    /**
     * The pause before each later challenge, counted from the face being frontal again: 0.2 to 0.5 s. It matters only
     * to a recording that got past the first wait (one with a long frontal opening); kept short, because every
     * pause lengthens a person's attempt (docs/capture.md has the measured times).
     */
    public static final long LATER_PAUSE_MIN_MILLIS = 200;
    public static final long LATER_PAUSE_MAX_MILLIS = 500;

    private final RandomGenerator random;
    private final boolean pausing;

    /** Production: {@link SecureRandom} orders and pauses. */
    public ChallengePlanner() {
        this(new SecureRandom(), true);
    }

    /**
     * For tests and for reproducible corpora only: orders from {@code random}, and no pauses, because a pre-rendered
     * recording answers at the pace of an attempt that asks at once.
     */
    public ChallengePlanner(RandomGenerator random) {
        this(random, false);
    }

    /** Orders from {@code random}; with {@code pausing}, production's pauses from it too. */
    public ChallengePlanner(RandomGenerator random, boolean pausing) {
        this.random = random;
        this.pausing = pausing;
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

    /**
     * One pause per challenge, each uniform in its range (the first's, then the later ones'), drawn anew for every
     * attempt started; all 0 for a planner that does not pause.
     */
    public List<Long> pauses(int count) {
        List<Long> pauses = new ArrayList<>(count);
        for (int step = 0; step < count; step++) {
            pauses.add(pausing ? pause(step) : 0L);
        }
        return List.copyOf(pauses);
    }

    private long pause(int step) {
        return step == 0 ? random.nextLong(FIRST_PAUSE_MIN_MILLIS, FIRST_PAUSE_MAX_MILLIS + 1)
                : random.nextLong(LATER_PAUSE_MIN_MILLIS, LATER_PAUSE_MAX_MILLIS + 1);
    }
}
