package dev.livecheck.core.recording;

import dev.livecheck.core.attempt.Challenge;
import java.util.List;

/**
 * One liveness attempt as captured: the challenges the server issued, in
 * order, and the camera frames that came back (see {@code docs/recording-format.md}).
 */
public record Recording(String name, List<Challenge> challenges, List<RecordedFrame> frames) {

    public Recording {
        challenges = List.copyOf(challenges);
        frames = List.copyOf(frames);
    }
}
