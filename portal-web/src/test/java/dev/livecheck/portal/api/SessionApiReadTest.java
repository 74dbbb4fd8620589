package dev.livecheck.portal.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.livecheck.persistence.attempts.AttemptQueries;
import dev.livecheck.persistence.attempts.MediaFiles;
import dev.livecheck.persistence.attempts.MediaRole;
import dev.livecheck.persistence.attempts.StoredAttempt;
import dev.livecheck.persistence.audit.AuditAction;
import dev.livecheck.persistence.audit.AuditEvent;
import dev.livecheck.persistence.sessions.CaptureTokens;
import dev.livecheck.persistence.sessions.Recommendation;
import dev.livecheck.persistence.sessions.SessionApiRequest;
import dev.livecheck.persistence.sessions.SessionApiRequests;
import dev.livecheck.persistence.sessions.VerificationSession;
import dev.livecheck.persistence.support.Sha256;
import dev.livecheck.portal.TestData;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * GET, configuration, media and DELETE over a real port. Attempts with three JPEGs are stored as the capture endpoint
 * stores them ({@code AttemptRecorder}), through the reports tests' data builder.
 */
class SessionApiReadTest extends ApiIntegrationTest {

    @Autowired
    MediaFiles media;
    @Autowired
    AttemptQueries attemptQueries;
    @Autowired
    SessionApiRequests requests;

    @Test
    void aNewSessionIsOngoingWithTheRemainingTokenLifetimeAndNoAttempts() {
        UUID id = create("""
                {"client_session_token_ttl":900,"user_tracking_id":"u-1","requested_checks":[{"type":"LIVENESS",\
                "config":{"liveness_type":"ZOOM","max_retries":2}}]}""");

        SignedApiClient.Response response = client.get("/sessions/" + id);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.header("Cache-Control")).isEqualTo("no-store");
        JsonNode session = json(response);
        assertThat(session.get("session_id").asString()).isEqualTo(id.toString());
        assertThat(session.get("state").asString()).isEqualTo("ONGOING");
        assertThat(session.get("client_session_token_ttl").asInt()).isBetween(890, 900);
        assertThat(session.get("user_tracking_id").asString()).isEqualTo("u-1");
        assertThat(session.has("biometric_consent")).isFalse();
        assertThat(session.get("resources").get("liveness_capture")).isEmpty();
        assertThat(session.get("checks")).isEmpty();
        assertThat(response.body()).doesNotContain("null");
    }

    @Test
    void eachAttemptIsAZoomResourceWithThreeFramesAndADoneLivenessCheck() {
        UUID id = create(MINIMAL);
        VerificationSession session = sessions.findByBusinessIdAndId(tenant.business().id(), id).orElseThrow();
        StoredAttempt rejected = rows.attempt(session, Recommendation.REJECT, Instant.now().minusSeconds(60));
        StoredAttempt approved = rows.attempt(session, Recommendation.APPROVE, Instant.now());
        sessions.recordBiometricConsent(tenant.business().id(), id, Instant.parse("2026-01-02T03:04:05.123456Z"));

        JsonNode s = json(client.get("/sessions/" + id));

        assertThat(s.get("state").asString()).isEqualTo("COMPLETED");
        assertThat(s.get("client_session_token_ttl").asInt()).isZero();
        assertThat(s.get("biometric_consent").asString()).isEqualTo("2026-01-02T03:04:05.123456Z");
        assertThat(s.has("user_tracking_id")).isFalse();
        JsonNode resources = s.get("resources").get("liveness_capture");
        assertThat(resources).hasSize(2);
        JsonNode first = resources.get(0);
        assertThat(first.get("id").asString()).isEqualTo(rejected.attempt().id().toString());
        assertThat(first.get("liveness_type").asString()).isEqualTo("ZOOM");
        assertThat(first.get("tasks")).isEmpty();
        assertThat(first.get("frames").valueStream().map(f -> f.get("media").get("id").asString()).toList())
                .containsExactlyElementsOf(rejected.media().stream().map(m -> m.id().toString()).toList());
        JsonNode media0 = first.get("frames").get(0).get("media");
        assertThat(media0.get("type").asString()).isEqualTo("IMAGE");
        assertThat(Instant.parse(media0.get("created").asString()))
                .isCloseTo(rejected.media().get(0).createdAt(), within(1, ChronoUnit.MICROS));
        assertThat(media0.get("last_updated").asString()).isEqualTo(media0.get("created").asString());

        JsonNode checks = s.get("checks");
        assertThat(checks).hasSize(2);
        JsonNode reject = checks.get(0);
        assertThat(reject.get("type").asString()).isEqualTo("LIVENESS");
        assertThat(reject.get("state").asString()).isEqualTo("DONE");
        assertThat(reject.get("id").asString()).isNotEqualTo(rejected.attempt().id().toString());
        assertThat(reject.get("resources_used").valueStream().map(JsonNode::asString))
                .containsExactly(rejected.attempt().id().toString());
        assertThat(reject.get("generated_media")).isEmpty();
        assertThat(Instant.parse(reject.get("created").asString()))
                .isCloseTo(rejected.attempt().startedAt(), within(1, ChronoUnit.MICROS));
        assertThat(Instant.parse(reject.get("last_updated").asString()))
                .isCloseTo(rejected.attempt().completedAt(), within(1, ChronoUnit.MICROS));
        JsonNode report = reject.get("report");
        assertThat(report.get("recommendation").get("value").asString()).isEqualTo("REJECT");
        assertThat(report.get("recommendation").get("reason").asString()).isEqualTo("FLAT_SURFACE");
        assertThat(report.get("breakdown").valueStream().map(b -> b.get("sub_check").asString() + "="
                + b.get("result").asString()))
                .containsExactly("liveness_auth=FAIL", "challenge_response=PASS", "structure_3d=FAIL",
                        "presentation=PASS");
        JsonNode livenessAuth = report.get("breakdown").get(0);
        assertThat(livenessAuth.get("details").valueStream().map(d -> d.get("name").asString() + "="
                + d.get("value").asString()))
                .containsExactly("challenges=TURN_LEFT,LOOK_UP", "frames=90", "analyzed_frames=88",
                        "duration_ms=5400");
        JsonNode structure = report.get("breakdown").get(2);
        assertThat(structure.get("details").valueStream().map(d -> d.get("name").asString() + "="
                + d.get("value").asString()))
                .containsExactly("reason=FLAT_SURFACE", "parallax_ratio=0.04123", "yaw_range_deg=31.5",
                        "frames_used=42");

        JsonNode approve = checks.get(1).get("report");
        assertThat(approve.get("recommendation").get("value").asString()).isEqualTo("APPROVE");
        assertThat(approve.get("recommendation").has("reason")).isFalse();
        assertThat(approve.get("breakdown").get(0).get("result").asString()).isEqualTo("PASS");
        assertThat(checks.get(1).get("resources_used").get(0).asString())
                .isEqualTo(approved.attempt().id().toString());
    }

    @Test
    void anOngoingSessionWhoseTokenRanOutIsExpiredBeforeTheSweepRuns() {
        VerificationSession stale = sessions.insert(VerificationSession.openForApi(tenant.profile(),
                tenant.application().id(), 3, null, CaptureTokens.hash(CaptureTokens.newToken()),
                Instant.now().minusSeconds(5), Instant.now().minusSeconds(600)));

        JsonNode s = json(client.get("/sessions/" + stale.id()));

        assertThat(s.get("state").asString()).isEqualTo("EXPIRED");
        assertThat(s.get("client_session_token_ttl").asInt()).isZero();
    }

    @Test
    void mediaContentIsTheStoredJpegUntilDeletedByEitherPath() {
        UUID id = create(MINIMAL);
        VerificationSession session = sessions.findByBusinessIdAndId(tenant.business().id(), id).orElseThrow();
        StoredAttempt attempt = rows.attempt(session, Recommendation.APPROVE, Instant.now());
        UUID start = attempt.media().get(0).id();
        UUID challenge = attempt.media().get(1).id();
        byte[] stored = media.findContent(tenant.business().id(), attempt.attempt().id(), MediaRole.FRONTAL_START)
                .orElseThrow().bytes();

        SignedApiClient.Response content = client.get("/sessions/" + id + "/media/" + start + "/content");
        assertThat(content.statusCode()).isEqualTo(200);
        assertThat(content.header("Content-Type")).isEqualTo("image/jpeg");
        assertThat(content.header("Cache-Control")).contains("no-store");
        assertThat(content.bytes()).isEqualTo(stored);

        assertThat(client.delete("/sessions/" + id + "/media/" + start + "/content").statusCode()).isEqualTo(204);
        SignedApiClient.Response gone = client.get("/sessions/" + id + "/media/" + start + "/content");
        assertThat(gone.statusCode()).isEqualTo(404);
        assertThat(json(gone).get("code").asString()).isEqualTo("MEDIA_NOT_FOUND");
        assertThat(client.delete("/sessions/" + id + "/media/" + start + "/content").statusCode())
                .as("deleting again changes nothing").isEqualTo(204);

        assertThat(client.delete("/sessions/" + id + "/media/" + challenge).statusCode()).isEqualTo(204);
        assertThat(client.get("/sessions/" + id + "/media/" + challenge + "/content").statusCode()).isEqualTo(404);
        assertThat(client.get("/sessions/" + id + "/media/" + attempt.media().get(2).id() + "/content")
                .statusCode()).isEqualTo(200);

        assertThat(auditOf(tenant, AuditAction.MEDIA_PURGED.name())).hasSize(2).allSatisfy(e -> {
            assertThat(e.actor()).isEqualTo(AuditEvent.applicationActor(tenant.application().id()));
            assertThat(e.targetType()).isEqualTo("MEDIA");
        });
        JsonNode frames = json(client.get("/sessions/" + id)).get("resources").get("liveness_capture").get(0)
                .get("frames");
        assertThat(frames).as("the metadata stays").hasSize(3);
        assertThat(frames.get(0).get("media").get("last_updated").asString())
                .isNotEqualTo(frames.get(0).get("media").get("created").asString());
    }

    @Test
    void mediaPastTheSessionsResourcesTtlIsNotServedEvenBeforeRetentionRuns() {
        Instant created = Instant.now().minus(Duration.ofHours(3));
        VerificationSession s = sessions.insert(VerificationSession.openForApi(tenant.profile(),
                tenant.application().id(), 3, null, CaptureTokens.hash(CaptureTokens.newToken()),
                created.plusSeconds(3600), created));
        requests.insert(new SessionApiRequest(s.id(), tenant.business().id(), 3600, 7200, created.plusSeconds(7200),
                null, null, null, null, null, null, null, null, null));
        StoredAttempt attempt = rows.attempt(s, Recommendation.APPROVE, created.plusSeconds(600));

        SignedApiClient.Response response = client.get("/sessions/" + s.id() + "/media/"
                + attempt.media().get(0).id() + "/content");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json(response).get("code").asString()).isEqualTo("MEDIA_NOT_FOUND");
    }

    @Test
    void unknownAndMalformedIdsAreNotFound() {
        UUID id = create(MINIMAL);
        for (String path : List.of("/sessions/" + UUID.randomUUID(), "/sessions/not-a-uuid", "/sessions/%27--",
                "/sessions/" + UUID.randomUUID() + "/configuration", "/sessions/x/configuration")) {
            SignedApiClient.Response response = client.get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(json(response).get("code").asString()).as(path).isEqualTo("SESSION_NOT_FOUND");
        }
        for (String path : List.of("/sessions/" + id + "/media/" + UUID.randomUUID() + "/content",
                "/sessions/" + id + "/media/zzz/content", "/sessions/zzz/media/" + UUID.randomUUID() + "/content")) {
            SignedApiClient.Response response = client.get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(json(response).get("code").asString()).as(path).isEqualTo("MEDIA_NOT_FOUND");
            assertThat(client.delete(path).statusCode()).as("DELETE " + path).isEqualTo(404);
        }
        assertThat(client.delete("/sessions/" + UUID.randomUUID()).statusCode()).isEqualTo(404);
        assertThat(client.delete("/sessions/nope").statusCode()).isEqualTo(404);
        // paths Spring Security's firewall refuses before any API code runs: still the API's JSON 404 (Tomcat itself
        // refuses %2F, %5C and %00 earlier, with its own 400)
        for (String path : List.of("/sessions/%3B--", "/sessions/a;b=c")) {
            SignedApiClient.Response response = client.get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(json(response).get("code").asString()).as(path).isEqualTo("NOT_FOUND");
        }
    }

    @Test
    void theConfigurationIsWhatWasRequestedInTheSdksShape() {
        UUID id = create(SessionApiCreateTest.FULL);

        SignedApiClient.Response response = client.get("/sessions/" + id + "/configuration");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode c = json(response);
        assertThat(c.get("session_id").asString()).isEqualTo(id.toString());
        assertThat(c.get("client_session_token_ttl").asInt()).isEqualTo(600);
        assertThat(c.get("resources_ttl").asInt()).isEqualTo(90_000);
        assertThat(c.get("user_tracking_id").asString()).isEqualTo("user-123 ü");
        assertThat(c.get("requested_checks").toString())
                .isEqualTo("[{\"type\":\"LIVENESS\",\"config\":{\"liveness_type\":\"ZOOM\",\"max_retries\":5,"
                        + "\"max_abandoned_attempts\":5}}]");
        JsonNode capture = c.get("capture");
        assertThat(capture.get("biometric_consent").asString()).isEqualTo("REQUIRED");
        JsonNode required = capture.get("required_resources").get(0);
        assertThat(required.get("type").asString()).isEqualTo("LIVENESS");
        assertThat(required.get("id").asString()).isEqualTo(id.toString());
        assertThat(required.get("state").asString()).isEqualTo("REQUIRED");
        assertThat(required.get("liveness_type").asString()).isEqualTo("ZOOM");
        assertThat(required.get("allowed_sources").toString()).isEqualTo("[{\"type\":\"END_USER\"}]");
        assertThat(c.get("notifications").get("endpoint").asString()).isEqualTo("https://rp.example.com/hook");
        assertThat(c.get("notifications").get("auth_type").asString()).isEqualTo("BASIC");
        assertThat(c.get("notifications").get("topics")).hasSize(5);
        assertThat(response.body()).as("the auth token never leaves").doesNotContain("user:pass")
                .doesNotContain("auth_token");
        assertThat(c.get("sdk_config").get("primary_colour").asString()).isEqualTo("#2d9fff");
        assertThat(c.get("sdk_config").get("privacy_policy_url").asString())
                .isEqualTo("https://rp.example.com/privacy");
    }

    @Test
    void deletingRemovesTheSessionItsAttemptsAndImagesAndAuditsTheApplication() {
        UUID id = create("{\"user_tracking_id\":\"del-1\",\"requested_checks\":[{\"type\":\"LIVENESS\","
                + "\"config\":{\"liveness_type\":\"ZOOM\"}}]}");
        VerificationSession session = sessions.findByBusinessIdAndId(tenant.business().id(), id).orElseThrow();
        StoredAttempt attempt = rows.attempt(session, Recommendation.APPROVE, Instant.now());

        SignedApiClient.Response deleted = client.delete("/sessions/" + id);

        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(deleted.bytes()).isEmpty();
        assertThat(sessions.findByBusinessIdAndId(tenant.business().id(), id)).isEmpty();
        assertThat(attemptQueries.attemptsOfSession(tenant.business().id(), id)).isEmpty();
        assertThat(media.findContent(tenant.business().id(), attempt.attempt().id(), MediaRole.CHALLENGE)).isEmpty();
        assertThat(requests.findByBusinessIdAndSessionId(tenant.business().id(), id)).isEmpty();
        assertThat(auditOf(tenant, AuditAction.SESSION_DELETED.name())).singleElement().satisfies(e -> {
            assertThat(e.actor()).isEqualTo(AuditEvent.applicationActor(tenant.application().id()));
            assertThat(e.details()).contains("del-1");
        });
        assertThat(client.get("/sessions/" + id).statusCode()).isEqualTo(404);
        assertThat(client.delete("/sessions/" + id).statusCode()).isEqualTo(404);
    }

    @Test
    void anotherBusinessesApplicationFindsNothingAndChangesNothing() {
        UUID id = create(MINIMAL);
        VerificationSession session = sessions.findByBusinessIdAndId(tenant.business().id(), id).orElseThrow();
        StoredAttempt attempt = rows.attempt(session, Recommendation.APPROVE, Instant.now());
        String mediaPath = "/sessions/" + id + "/media/" + attempt.media().get(0).id();
        SignedApiClient intruder = newTenant("Intruder").client(baseUrl());

        for (String path : List.of("/sessions/" + id, "/sessions/" + id + "/configuration", mediaPath + "/content")) {
            SignedApiClient.Response response = intruder.get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.body()).as(path).doesNotContain(id.toString());
        }
        assertThat(intruder.delete(mediaPath).statusCode()).isEqualTo(404);
        assertThat(intruder.delete(mediaPath + "/content").statusCode()).isEqualTo(404);
        assertThat(intruder.delete("/sessions/" + id).statusCode()).isEqualTo(404);

        assertThat(sessions.findByBusinessIdAndId(tenant.business().id(), id)).isPresent();
        assertThat(media.findContentById(tenant.business().id(), id, attempt.media().get(0).id())).isPresent();
        assertThat(client.get("/sessions/" + id).statusCode()).isEqualTo(200);
    }

    @Test
    void anotherApplicationOfTheSameBusinessSeesTheSessionButPortalSessionsStayHidden() {
        UUID id = create(MINIMAL);
        var keys = TestData.SHARED_KEYS;
        var sibling = applications.insert(dev.livecheck.persistence.applications.ApiApplication.create(
                tenant.business().id(), "Sibling", tenant.profile().id(),
                java.util.Base64.getEncoder().encodeToString(keys.getPublic().getEncoded()),
                Sha256.hex(keys.getPublic().getEncoded()), List.of(), "secret", UUID.randomUUID(),
                Instant.now()));
        SignedApiClient siblingClient = new SignedApiClient(baseUrl(), sibling.id(), keys.getPrivate());
        VerificationSession portal = sessions.insert(VerificationSession.open(tenant.profile(), "Ada",
                "ada@example.com", "T-1", CaptureTokens.hash(CaptureTokens.newToken()), Instant.now()));

        assertThat(siblingClient.get("/sessions/" + id).statusCode()).isEqualTo(200);
        assertThat(client.get("/sessions/" + portal.id()).statusCode()).isEqualTo(404);
        assertThat(client.delete("/sessions/" + portal.id()).statusCode()).isEqualTo(404);
        assertThat(sessions.findByBusinessIdAndId(tenant.business().id(), portal.id())).isPresent();
    }
}
