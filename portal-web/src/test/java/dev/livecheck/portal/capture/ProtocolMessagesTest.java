package dev.livecheck.portal.capture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livecheck.core.attempt.AttemptEvent;
import dev.livecheck.core.attempt.Challenge;
import dev.livecheck.core.attempt.GuidanceCode;
import dev.livecheck.core.vision.FrameRejectedException.Reason;
import dev.livecheck.persistence.sessions.Recommendation;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ProtocolMessagesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static JsonNode parse(String text) {
        return JSON.readTree(text);
    }

    @Test
    void readyAnnouncesTheLimits() {
        assertThat(parse(ProtocolMessages.ready(1, 3))).isEqualTo(parse(
                "{\"type\":\"ready\",\"attempt\":1,\"attemptsLeft\":3,\"maxFrameBytes\":262144,\"fps\":15}"));
    }

    @Test
    void loadShapingMessagesCarryTheRateAndTheQueuePosition() {
        assertThat(parse(ProtocolMessages.rate(6))).isEqualTo(parse("{\"type\":\"rate\",\"fps\":6}"));
        assertThat(parse(ProtocolMessages.queued(3, 120))).isEqualTo(parse(
                "{\"type\":\"queued\",\"position\":3,\"timeoutSeconds\":120}"));
        assertThat(parse(ProtocolMessages.error(ProtocolError.BUSY)).get("code").asString()).isEqualTo("BUSY");
    }

    @Test
    void engineEventsMapToProtocolMessages() {
        assertThat(parse(ProtocolMessages.forEvent(new AttemptEvent.Guidance(GuidanceCode.MOVE_CLOSER))))
                .isEqualTo(parse("{\"type\":\"guidance\",\"code\":\"MOVE_CLOSER\"}"));
        assertThat(parse(ProtocolMessages.forEvent(new AttemptEvent.ChallengeIssued(1, 2, Challenge.TURN_LEFT))))
                .isEqualTo(parse("{\"type\":\"challenge\",\"step\":1,\"of\":2,\"action\":\"TURN_LEFT\"}"));
        assertThat(parse(ProtocolMessages.forEvent(new AttemptEvent.ChallengePassed(2))))
                .isEqualTo(parse("{\"type\":\"challenge_passed\",\"step\":2}"));
        assertThat(parse(ProtocolMessages.forEvent(new AttemptEvent.Completed(null))))
                .isEqualTo(parse("{\"type\":\"processing\"}"));
    }

    @Test
    void everyGuidanceCodeKeepsItsProtocolName() {
        for (GuidanceCode code : GuidanceCode.values()) {
            assertThat(parse(ProtocolMessages.forEvent(new AttemptEvent.Guidance(code))).get("code").asString())
                    .isEqualTo(code.name());
        }
    }

    @Test
    void resultCarriesOnlyTheOutcome() {
        JsonNode result = parse(ProtocolMessages.result(
                new AttemptOutcome(Recommendation.REJECT, 2, false, null)));
        assertThat(result).isEqualTo(parse("{\"type\":\"result\",\"recommendation\":\"REJECT\",\"attemptsLeft\":2,"
                + "\"final\":false,\"redirect\":null}"));
        assertThat(result.propertyNames()).containsExactlyInAnyOrder("type", "recommendation", "attemptsLeft",
                "final", "redirect");
    }

    @Test
    void finalResultCarriesTheRedirect() {
        JsonNode result = parse(ProtocolMessages.result(
                new AttemptOutcome(Recommendation.APPROVE, 1, true, "https://shop.example/ok")));
        assertThat(result.get("final").asBoolean()).isTrue();
        assertThat(result.get("redirect").asString()).isEqualTo("https://shop.example/ok");
    }

    @Test
    void errorsCarryCodeAndMessage() {
        JsonNode error = parse(ProtocolMessages.error(ProtocolError.RATE_LIMITED));
        assertThat(error.get("type").asString()).isEqualTo("error");
        assertThat(error.get("code").asString()).isEqualTo("RATE_LIMITED");
        assertThat(error.get("message").asString()).isNotBlank();
    }

    @Test
    void truncatedFramesAreReportedAsNotJpeg() {
        assertThat(ProtocolError.of(Reason.FRAME_TRUNCATED)).isEqualTo(ProtocolError.NOT_JPEG);
        assertThat(ProtocolError.of(Reason.NOT_JPEG)).isEqualTo(ProtocolError.NOT_JPEG);
        assertThat(ProtocolError.of(Reason.FRAME_TOO_LARGE)).isEqualTo(ProtocolError.FRAME_TOO_LARGE);
        assertThat(ProtocolError.of(Reason.BAD_DIMENSIONS)).isEqualTo(ProtocolError.BAD_DIMENSIONS);
    }

    @Test
    void clientMessagesAreStartAndCancelOnly() {
        assertThat(ClientMessage.parse("{\"type\":\"start\"}")).contains(ClientMessage.START);
        assertThat(ClientMessage.parse("{\"type\":\"cancel\",\"extra\":1}")).contains(ClientMessage.CANCEL);
        assertThat(ClientMessage.parse("{\"type\":\"approve\"}")).isEmpty();
        assertThat(ClientMessage.parse("{\"type\":7}")).isEmpty();
        assertThat(ClientMessage.parse("[\"start\"]")).isEmpty();
        assertThat(ClientMessage.parse("start")).isEmpty();
        assertThat(ClientMessage.parse("")).isEmpty();
    }
}
