package dev.livecheck.portal.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livecheck.persistence.attempts.MediaFiles;
import dev.livecheck.persistence.attempts.MediaRole;
import dev.livecheck.persistence.attempts.StoredAttempt;
import dev.livecheck.persistence.sessions.Recommendation;
import dev.livecheck.persistence.sessions.VerificationSession;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Yoti's published Node SDK (pinned, see {@link YotiNodeClient}) against these endpoints: its builders' payload is
 * accepted, and its response classes parse every field of ours through their getters. Attempts are stored directly
 * (no capture), so this runs in seconds; the full capture journey is the end-to-end suite's.
 */
class SessionApiYotiSdkTest extends ApiIntegrationTest {

    @TempDir
    Path dir;
    @Autowired
    MediaFiles media;

    private YotiNodeClient sdk;

    @BeforeEach
    void sdk() throws Exception {
        Path pem = dir.resolve("key.pem");
        Files.writeString(pem, "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(tenant.keys().getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n");
        sdk = new YotiNodeClient(baseUrl(), tenant.application().id().toString(), pem);
    }

    @Test
    void theSdkCreatesReadsFetchesAndDeletesASession() throws Exception {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("maxRetries", 3);
        options.put("userTrackingId", "user-ü-1");
        options.put("clientSessionTokenTtl", 900);
        options.put("resourcesTtl", 86_400);
        options.put("blockBiometricConsent", false);
        options.put("notification", Map.of("endpoint", "https://rp.example.com/hook", "authToken", "s3cret",
                "authType", "BEARER", "topics", List.of("RESOURCE_UPDATE", "TASK_COMPLETION", "CHECK_COMPLETION",
                        "SESSION_COMPLETION", "CLIENT_SESSION_TOKEN_DELETED")));
        options.put("successUrl", "https://rp.example.com/ok");
        options.put("errorUrl", "https://rp.example.com/error");
        options.put("privacyPolicyUrl", "https://rp.example.com/privacy");
        options.put("primaryColour", "#2D9FFF");
        options.put("secondaryColour", "#ffffff");
        options.put("fontColour", "#000000");
        options.put("locale", "de");
        options.put("presetIssuingCountry", "GBR");
        options.put("biometricConsentFlow", "EARLY");
        options.put("allowHandoff", false);
        options.put("brandId", "brand-1");

        JsonNode created = sdk.create(options).ok();

        assertThat(created.get("client_session_token_ttl").asInt()).isEqualTo(900);
        assertThat(created.get("client_session_token").asString()).hasSize(43);
        UUID id = UUID.fromString(created.get("session_id").asString());
        VerificationSession session = sessions.findByBusinessIdAndId(tenant.business().id(), id).orElseThrow();
        StoredAttempt rejected = rows.attempt(session, Recommendation.REJECT, Instant.now().minusSeconds(30));
        StoredAttempt approved = rows.attempt(session, Recommendation.APPROVE, Instant.now());

        JsonNode read = sdk.get(id.toString()).ok();

        assertThat(read.get("state").asString()).isEqualTo("COMPLETED");
        assertThat(read.get("user_tracking_id").asString()).isEqualTo("user-ü-1");
        assertThat(read.get("client_session_token_ttl").asInt()).isZero();
        assertThat(read.get("check_types").valueStream().map(JsonNode::asString)).containsExactly("LIVENESS", "LIVENESS");
        JsonNode last = read.get("liveness_checks").get(1);
        assertThat(last.get("state").asString()).isEqualTo("DONE");
        assertThat(last.get("created").asString()).isNotEmpty();
        assertThat(last.get("resources_used").get(0).asString()).isEqualTo(approved.attempt().id().toString());
        assertThat(last.get("report").get("recommendation").get("value").asString()).isEqualTo("APPROVE");
        assertThat(last.get("report").get("breakdown").get(0).get("sub_check").asString()).isEqualTo("liveness_auth");
        assertThat(last.get("report").get("breakdown").get(0).get("result").asString()).isEqualTo("PASS");
        assertThat(read.get("liveness_checks").get(0).get("report").get("recommendation").get("reason").asString())
                .isEqualTo("FLAT_SURFACE");
        JsonNode resources = read.get("zoom_liveness_resources");
        assertThat(resources).hasSize(2);
        assertThat(resources.get(0).get("id").asString()).isEqualTo(rejected.attempt().id().toString());
        JsonNode frames = resources.get(1).get("frames");
        assertThat(frames.valueStream().map(f -> f.get("media_id").asString()))
                .containsExactlyElementsOf(approved.media().stream().map(m -> m.id().toString()).toList());
        assertThat(frames.get(0).get("media").get("created").asString()).isNotEmpty();

        String mediaId = approved.media().get(1).id().toString();
        JsonNode fetched = sdk.media(id.toString(), mediaId, dir.resolve("challenge.jpg")).ok();
        assertThat(fetched.get("mime_type").asString()).isEqualTo("image/jpeg");
        assertThat(Files.readAllBytes(dir.resolve("challenge.jpg"))).isEqualTo(media.findContent(
                tenant.business().id(), approved.attempt().id(), MediaRole.CHALLENGE).orElseThrow().bytes());

        JsonNode configuration = sdk.config(id.toString()).ok();
        assertThat(configuration.get("client_session_token_ttl").asInt()).isEqualTo(900);
        assertThat(configuration.get("biometric_consent").asString()).isEqualTo("REQUIRED");
        assertThat(configuration.get("zoom_liveness_requirements").asInt()).isEqualTo(1);
        assertThat(configuration.get("required_resources").get(0).get("allowed_sources").get(0).asString())
                .isEqualTo("END_USER");

        sdk.deleteMedia(id.toString(), mediaId).ok();
        JsonNode gone = sdk.media(id.toString(), mediaId, dir.resolve("again.jpg")).error();
        assertThat(gone.get("status").asInt()).isEqualTo(404);
        assertThat(gone.get("error").asString()).startsWith("MEDIA_NOT_FOUND - ");

        sdk.delete(id.toString()).ok();
        JsonNode deleted = sdk.get(id.toString()).error();
        assertThat(deleted.get("status").asInt()).isEqualTo(404);
        assertThat(deleted.get("error").asString()).startsWith("SESSION_NOT_FOUND - ");
    }

    @Test
    void theSdkShowsEveryOffendingFieldOfARefusedSpecification() {
        JsonNode refused = sdk.create(Map.of("livenessType", "STATIC", "maxRetries", 20, "primaryColour", "blue"))
                .error();

        assertThat(refused.get("status").asInt()).isEqualTo(400);
        assertThat(refused.get("error").asString()).startsWith("INVALID_REQUEST - ")
                .contains("requested_checks[0].config.liveness_type", "requested_checks[0].config.max_retries",
                        "sdk_config.primary_colour");
        assertThat(sessionCount(tenant)).isZero();
    }
}
