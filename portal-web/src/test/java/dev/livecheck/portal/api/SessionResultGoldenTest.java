package dev.livecheck.portal.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livecheck.core.attempt.Challenge;
import dev.livecheck.core.report.LivenessReport;
import dev.livecheck.core.report.ReportJson;
import dev.livecheck.core.report.SubCheck;
import dev.livecheck.persistence.attempts.Attempt;
import dev.livecheck.persistence.attempts.AttemptView;
import dev.livecheck.persistence.attempts.LivenessAuth;
import dev.livecheck.persistence.attempts.MediaMetadata;
import dev.livecheck.persistence.attempts.MediaRole;
import dev.livecheck.persistence.profiles.CheckProfile;
import dev.livecheck.persistence.sessions.Recommendation;
import dev.livecheck.persistence.sessions.SessionApiRequest;
import dev.livecheck.persistence.sessions.VerificationSession;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The exact JSON of GET /sessions/{id} and of its configuration for fixed rows, against golden files: a change of any
 * field name, nesting or value format shows here. (SessionApiYotiSdkTest proves the SDK parses the same shape.)
 */
class SessionResultGoldenTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant T = Instant.parse("2026-03-02T10:15:30.123456Z");
    private static final UUID BUSINESS = UUID.fromString("00000000-0000-0000-0000-0000000000b1");
    private static final UUID SESSION = UUID.fromString("00000000-0000-0000-0000-000000000051");
    private static final UUID ATTEMPT = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
    private static final UUID APPLICATION = UUID.fromString("00000000-0000-0000-0000-0000000000c1");

    @Test
    void aCompletedSessionWithOneRejectedAttempt() throws IOException {
        JsonNode actual = JSON.valueToTree(SessionResults.of(found(), T.plusSeconds(60)));

        assertThat(actual).isEqualTo(golden("session-result.golden.json"));
        assertThat(actual.toString()).doesNotContain("null");
    }

    @Test
    void itsConfiguration() throws IOException {
        JsonNode actual = JSON.valueToTree(SessionResults.configuration(found()));

        assertThat(actual).isEqualTo(golden("session-configuration.golden.json"));
        assertThat(actual.toString()).doesNotContain("null");
    }

    @Test
    void theCreateAnswer() throws IOException {
        JsonNode actual = JSON.valueToTree(new CreateSessionResult(600, SESSION.toString(), "tok"));

        assertThat(actual).isEqualTo(JSON.readTree("""
                {"client_session_token_ttl":600,"session_id":"%s","client_session_token":"tok"}""".formatted(SESSION)));
    }

    private static ApiSessions.Found found() {
        CheckProfile profile = CheckProfile.create(BUSINESS, "API", null, "s", "b", T);
        VerificationSession opened = VerificationSession.openForApi(profile, APPLICATION, 1, "user-1", "a".repeat(64),
                T.plusSeconds(600), T);
        VerificationSession session = new VerificationSession(SESSION, BUSINESS, profile.id(), null, null, "user-1",
                opened.captureTokenHash(), dev.livecheck.persistence.sessions.SessionState.COMPLETED,
                dev.livecheck.persistence.sessions.CloseReason.RETRIES_EXHAUSTED, Recommendation.REJECT, 1, 1,
                T.plusSeconds(600), T, T.plusSeconds(40), T.plusSeconds(5), null, null, null, null, APPLICATION,
                T.plusSeconds(10), 3L);
        Map<String, Object> structure = new LinkedHashMap<>();
        structure.put("parallax_ratio", 0.0412345);
        structure.put("frames_used", 42);
        LivenessReport report = new LivenessReport(dev.livecheck.core.report.Recommendation.REJECT, "FLAT_SURFACE",
                List.of(Challenge.TURN_LEFT, Challenge.LOOK_UP),
                List.of(SubCheck.pass("challenge_response", Map.of("completed", 2)),
                        SubCheck.fail("structure_3d", "FLAT_SURFACE", structure)),
                List.of(), 90, 88, 5400, 120);
        Attempt attempt = new Attempt(ATTEMPT, BUSINESS, SESSION, 1, Recommendation.REJECT, LivenessAuth.FAIL,
                "FLAT_SURFACE", "TURN_LEFT,LOOK_UP", ReportJson.toJson(report, false), 90, 88, 5400, 120,
                T.plusSeconds(30), T.plusSeconds(36));
        List<MediaMetadata> media = List.of(
                new MediaMetadata(id("d3"), ATTEMPT, MediaRole.FRONTAL_END, "image/jpeg", 10, "f".repeat(64),
                        T.plusSeconds(36), T.plusSeconds(50)),
                new MediaMetadata(id("d1"), ATTEMPT, MediaRole.FRONTAL_START, "image/jpeg", 10, "f".repeat(64),
                        T.plusSeconds(36), null),
                new MediaMetadata(id("d2"), ATTEMPT, MediaRole.CHALLENGE, "image/jpeg", 10, "f".repeat(64),
                        T.plusSeconds(36), null));
        SessionApiRequest request = new SessionApiRequest(SESSION, BUSINESS, 600, 86_400, T.plusSeconds(86_400),
                "#2d9fff", "en-GB", "https://rp.example/ok", null, null, "https://rp.example/hook",
                "SESSION_COMPLETION,CHECK_COMPLETION", "BEARER", "sealed");
        return new ApiSessions.Found(session, request, List.of(new AttemptView(attempt, media)));
    }

    private static UUID id(String suffix) {
        return UUID.fromString("00000000-0000-0000-0000-0000000000" + suffix);
    }

    private static JsonNode golden(String name) throws IOException {
        try (InputStream in = SessionResultGoldenTest.class.getResourceAsStream("/api/" + name)) {
            return JSON.readTree(in);
        }
    }
}
