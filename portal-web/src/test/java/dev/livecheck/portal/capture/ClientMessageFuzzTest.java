package dev.livecheck.portal.capture;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.Tag;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The capture protocol's text messages: any text is START, CANCEL or nothing (answered BAD_MESSAGE); parsing never
 * throws, and only a message whose {@code type} is exactly "start" or "cancel" is one. Corpus in
 * {@code ClientMessageFuzzTestInputs/}; {@code JAZZER_FUZZ=1} fuzzes (docs/security.md, "Fuzzing").
 */
@Tag("fuzz")
class ClientMessageFuzzTest {

    private static final tools.jackson.databind.json.JsonMapper JSON =
            tools.jackson.databind.json.JsonMapper.builder().build();

    @FuzzTest(maxDuration = "30s")
    void anyTextIsAMessageOrNothing(byte[] utf8) {
        String text = utf8 == null ? null : new String(utf8, StandardCharsets.UTF_8);
        Optional<ClientMessage> message = ClientMessage.parse(text);
        // Only an object whose "type" is exactly the message's name (escapes decoded) is a message.
        message.ifPresent(m -> assertThat(JSON.readTree(text).get("type").asString())
                .isEqualTo(m.name().toLowerCase(java.util.Locale.ROOT)));
    }
}
