package dev.livecheck.core.testkit;

import dev.livecheck.core.attempt.Challenge;
import dev.livecheck.core.attempt.ChallengePlanner;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Random challenge lists as the server issues them: 2-3 actions, no immediate repeat. */
public final class ChallengeLists {

    private ChallengeLists() {
    }

    /** 2 or 3 challenges. */
    public static List<Challenge> draw(Random rnd) {
        return draw(rnd, 2 + rnd.nextInt(2));
    }

    /** Draws like the server does ({@link ChallengePlanner}), but from a seeded generator so corpora repeat. */
    public static List<Challenge> draw(Random rnd, int count) {
        return new ChallengePlanner(rnd).plan(count);
    }

    /** Parses {@code TURN_LEFT,LOOK_UP} (also accepts {@code |} as separator). */
    public static List<Challenge> parse(String text) {
        List<Challenge> list = new ArrayList<>();
        for (String s : text.split("[,|]")) {
            if (!s.isBlank()) {
                list.add(Challenge.valueOf(s.strip().toUpperCase(java.util.Locale.ROOT)));
            }
        }
        return List.copyOf(list);
    }
}
