package dev.livecheck.portal.capture;

import dev.livecheck.core.attempt.AttemptEvent;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The server's side of the capture protocol as JSON text. Built field by field so nothing the engine knows (scores,
 * sub-checks, reasons) can leak to the browser by accident.
 */
final class ProtocolMessages {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ProtocolMessages() {
    }

    static String ready(int attempt, int attemptsLeft) {
        return JSON.writeValueAsString(message("ready").put("attempt", attempt).put("attemptsLeft", attemptsLeft)
                .put("maxFrameBytes", CaptureLimits.MAX_FRAME_BYTES).put("fps", CaptureLimits.FPS));
    }

    /**
     * The client message for an engine event: guidance, challenge, challenge_passed, and {@code processing} for
     * Completed (the evidence is in; the verdict is being judged and stored).
     */
    static String forEvent(AttemptEvent event) {
        ObjectNode node;
        if (event instanceof AttemptEvent.Guidance g) {
            node = message("guidance").put("code", g.code().name());
        } else if (event instanceof AttemptEvent.ChallengeIssued c) {
            node = message("challenge").put("step", c.step()).put("of", c.of()).put("action", c.action().name());
        } else if (event instanceof AttemptEvent.ChallengePassed p) {
            node = message("challenge_passed").put("step", p.step());
        } else {
            node = message("processing"); // AttemptEvent.Completed, the only other kind (the interface is sealed)
        }
        return JSON.writeValueAsString(node);
    }

    /** The frame rate this attempt should send from now on: its share of the server's frame budget. */
    static String rate(int fps) {
        return JSON.writeValueAsString(message("rate").put("fps", fps));
    }

    /** The start waits for capacity: its place in the queue and how long it may wait before BUSY. */
    static String queued(int position, long timeoutSeconds) {
        return JSON.writeValueAsString(message("queued").put("position", position).put("timeoutSeconds", timeoutSeconds));
    }

    static String result(AttemptOutcome outcome) {
        return JSON.writeValueAsString(message("result")
                .put("recommendation", outcome.recommendation().name())
                .put("attemptsLeft", outcome.attemptsLeft())
                .put("final", outcome.isFinal())
                .put("redirect", outcome.redirect()));
    }

    static String error(ProtocolError error) {
        return JSON.writeValueAsString(message("error").put("code", error.name()).put("message", error.message()));
    }

    private static ObjectNode message(String type) {
        return JSON.createObjectNode().put("type", type);
    }
}
