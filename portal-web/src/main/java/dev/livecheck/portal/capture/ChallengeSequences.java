package dev.livecheck.portal.capture;

import dev.livecheck.core.attempt.Challenge;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** A challenge sequence as the session row stores it: the engine's Challenge names, comma-separated. */
final class ChallengeSequences {

    private ChallengeSequences() {
    }

    static String encode(List<Challenge> challenges) {
        return challenges.stream().map(Challenge::name).collect(Collectors.joining(","));
    }

    /** @throws IllegalArgumentException if the stored text names no challenge or an unknown one */
    static List<Challenge> decode(String stored) {
        if (stored == null || stored.isBlank()) {
            throw new IllegalArgumentException("no challenge sequence stored");
        }
        return Arrays.stream(stored.split(",")).map(String::strip).map(Challenge::valueOf).toList();
    }
}
