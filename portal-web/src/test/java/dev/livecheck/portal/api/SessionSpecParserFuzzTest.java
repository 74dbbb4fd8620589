package dev.livecheck.portal.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.Tag;
import dev.livecheck.persistence.profiles.CheckProfile;
import dev.livecheck.portal.notifications.NotificationEndpointPolicy;
import java.time.Instant;
import java.util.UUID;

/**
 * The session API's JSON bodies: any bytes are a session specification within every limit, or an
 * {@link ApiException} (400 MALFORMED_JSON or INVALID_REQUEST with its problems); nothing else escapes, so no body is
 * a 500. Corpus in {@code SessionSpecParserFuzzTestInputs/}.
 */
@Tag("fuzz")
class SessionSpecParserFuzzTest {

    private static final SessionSpecParser PARSER = new SessionSpecParser(new NotificationEndpointPolicy(false));
    private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");
    private static final CheckProfile DEFAULTS = CheckProfile.create(UUID.randomUUID(), "Default",
            "https://shop.example/ok", "Please verify", "Open {link}", NOW);

    @FuzzTest(maxDuration = "30s")
    void anyBodyIsASpecificationOrA400(byte[] body) {
        try {
            SessionSpec spec = PARSER.parse(body, DEFAULTS, NOW);
            assertThat(spec).isNotNull();
        } catch (ApiException refused) {
            assertThat(refused.getMessage()).isNotNull();
        }
    }
}
