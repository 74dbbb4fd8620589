package dev.livecheck.portal.capture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livecheck.core.testkit.Species;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Load shaping over a real socket with the real engine: a frame budget of 6 frames per second serves exactly one
 * attempt at the floor rate, so a second start must wait in the queue, and a client streaming at 15 fps is analysed
 * at an even 6.
 */
@TestPropertySource(properties = {"livecheck.capture.frame-budget=6", "livecheck.capture.queue-timeout=PT4S"})
class CaptureLoadShapingTest extends CaptureSocketTestSupport {

    private static final String CANCEL = "{\"type\":\"cancel\"}";

    @Test
    void aSecondStartWaitsItsTurnThenPassesOnAnEvenSixFramesASecond() throws Exception {
        Link first = newLink(2, Instant.now());
        Link second = newLink(2, Instant.now());
        TestSocket a = openReady(first);
        TestSocket b = openReady(second);

        a.sendText(START);
        assertThat(a.next("rate", SOON).get("fps").asInt()).isEqualTo(CaptureLoad.FLOOR_FPS);
        b.sendText(START);
        JsonNode queued = b.next("queued", SOON);
        assertThat(queued.get("position").asInt()).isEqualTo(1);
        assertThat(queued.get("timeoutSeconds").asInt()).isEqualTo(4);

        a.sendText(CANCEL); // the first attempt ends before its first challenge: free, and its share goes to b
        assertThat(b.next("rate", SOON).get("fps").asInt()).isEqualTo(CaptureLoad.FLOOR_FPS);
        stream(b, Species.BONA_FIDE, 11); // at 15 fps: the server keeps an even 6 of them
        JsonNode result = b.next("result", DECISION);
        assertThat(result.get("recommendation").asString()).isEqualTo("APPROVE");
        a.close();
        b.close();
    }

    @Test
    void aStartThatWaitedTooLongIsAnsweredBusyAndNothingIsCounted() throws Exception {
        Link first = newLink(2, Instant.now());
        Link second = newLink(2, Instant.now());
        TestSocket a = openReady(first);
        TestSocket b = openReady(second);
        a.sendText(START);
        a.next("rate", SOON);
        b.sendText(START);
        b.next("queued", SOON);

        b.nextError("BUSY", Duration.ofSeconds(10));
        assertThat(session(second).attemptsUsed()).isZero();
        assertThat(attempts.countByBusinessIdAndSessionId(second.businessId(), second.sessionId())).isZero();
        a.sendText(CANCEL);
        b.sendText(START); // BUSY is not final: the same attempt can start again
        assertThat(b.next("rate", SOON).get("fps").asInt()).isEqualTo(CaptureLoad.FLOOR_FPS);
        a.close();
        b.close();
    }
}
