package dev.livecheck.portal.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livecheck.persistence.audit.AuditAction;
import dev.livecheck.persistence.profiles.CheckProfile;
import dev.livecheck.persistence.sessions.CaptureTokens;
import dev.livecheck.persistence.sessions.SessionApiRequest;
import dev.livecheck.persistence.sessions.SessionApiRequests;
import dev.livecheck.persistence.sessions.SessionState;
import dev.livecheck.persistence.sessions.VerificationSession;
import dev.livecheck.portal.email.LinkSealer;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** POST /sessions: what is stored for a valid specification, and a 400 naming every field of an invalid one. */
class SessionApiCreateTest extends ApiIntegrationTest {

    /** Every builder option of the SDK that Livecheck supports, as SessionSpecificationBuilder serialises it. */
    static final String FULL = """
            {"client_session_token_ttl":600,"resources_ttl":90000,"user_tracking_id":"user-123 ü",\
            "notifications":{"auth_token":"user:pass","auth_type":"BASIC","endpoint":"https://rp.example.com/hook",\
            "topics":["RESOURCE_UPDATE","TASK_COMPLETION","CHECK_COMPLETION","SESSION_COMPLETION",\
            "CLIENT_SESSION_TOKEN_DELETED","CHECK_COMPLETION"]},\
            "requested_checks":[{"type":"LIVENESS","config":{"max_retries":5,"liveness_type":"ZOOM"}}],\
            "requested_tasks":[],\
            "sdk_config":{"allowed_capture_methods":"CAMERA_AND_UPLOAD","primary_colour":"#2D9FFF",\
            "secondary_colour":"#fff","font_colour":"#000","locale":"en-GB","preset_issuing_country":"GBR",\
            "success_url":"https://rp.example.com/ok","error_url":"https://rp.example.com/err",\
            "privacy_policy_url":"https://rp.example.com/privacy","biometric_consent_flow":"JUST_IN_TIME",\
            "allow_handoff":true,"attempts_configuration":{"ID_DOCUMENT_TEXT_DATA_EXTRACTION":{"GENERIC":2}},\
            "brand_id":"brand-1","suppressed_screens":["ID_DOCUMENT_EDUCATION"]},\
            "required_documents":[],"block_biometric_consent":false}""";

    @Autowired
    SessionApiRequests requests;
    @Autowired
    LinkSealer sealer;

    @Test
    void aMinimalSpecificationGetsTheProfilesDefaultsAndATokenStoredOnlyAsItsHash() {
        Instant before = Instant.now();
        SignedApiClient.Response response = client.post("/sessions", "{\"requested_checks\":[{\"type\":\"LIVENESS\","
                + "\"config\":{\"liveness_type\":\"ZOOM\"}}]}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(response.header("Content-Type")).startsWith("application/json");
        assertThat(response.header("Cache-Control")).isEqualTo("no-store");
        JsonNode body = json(response);
        assertThat(body.propertyNames()).containsExactlyInAnyOrder("client_session_token_ttl", "session_id",
                "client_session_token");
        CheckProfile profile = tenant.profile();
        assertThat(body.get("client_session_token_ttl").asInt()).isEqualTo(profile.linkLifetimeHours() * 3600);
        String token = body.get("client_session_token").asString();
        assertThat(token).matches("[A-Za-z0-9_-]{43}");

        UUID id = UUID.fromString(body.get("session_id").asString());
        VerificationSession session = sessions.findByBusinessIdAndId(tenant.business().id(), id).orElseThrow();
        assertThat(session.createdByApi()).isTrue();
        assertThat(session.apiApplicationId()).isEqualTo(tenant.application().id());
        assertThat(session.recipientName()).isNull();
        assertThat(session.recipientEmail()).isNull();
        assertThat(session.trackingId()).isNull();
        assertThat(session.state()).isEqualTo(SessionState.ONGOING);
        assertThat(session.maxAttempts()).isEqualTo(profile.maxAttempts());
        assertThat(session.maxAbandonedAttempts()).isEqualTo(profile.maxAbandonedAttempts());
        assertThat(session.captureTokenHash()).isEqualTo(CaptureTokens.hash(token)).doesNotContain(token);
        assertThat(Duration.between(session.createdAt(), session.expiresAt()))
                .isEqualTo(Duration.ofHours(profile.linkLifetimeHours()));
        assertThat(session.createdAt()).isBetween(before.minusSeconds(1), Instant.now());

        SessionApiRequest request = requests.findByBusinessIdAndSessionId(tenant.business().id(), id).orElseThrow();
        assertThat(request.clientSessionTokenTtl()).isEqualTo(profile.linkLifetimeHours() * 3600);
        assertThat(request.resourcesTtl()).isEqualTo(profile.imageRetentionDays() * 86_400);
        assertThat(request.resourcesExpireAt()).isEqualTo(session.createdAt().plusSeconds(request.resourcesTtl()));
        assertThat(request.notificationEndpoint()).isNull();
        assertThat(request.primaryColour()).isNull();

        assertThat(auditOf(tenant, AuditAction.SESSION_CREATED.name())).singleElement().satisfies(e -> {
            assertThat(e.actor()).isEqualTo("application:" + tenant.application().id());
            assertThat(e.targetId()).isEqualTo(id.toString());
        });
    }

    @Test
    void everySupportedBuilderOptionIsStoredAndTheRestOfSdkConfigIgnored() {
        UUID id = create(FULL);

        VerificationSession session = sessions.findByBusinessIdAndId(tenant.business().id(), id).orElseThrow();
        assertThat(session.trackingId()).isEqualTo("user-123 ü");
        assertThat(session.maxAttempts()).isEqualTo(5);
        assertThat(Duration.between(session.createdAt(), session.expiresAt())).isEqualTo(Duration.ofSeconds(600));
        SessionApiRequest request = requests.findByBusinessIdAndSessionId(tenant.business().id(), id).orElseThrow();
        assertThat(request.clientSessionTokenTtl()).isEqualTo(600);
        assertThat(request.resourcesTtl()).isEqualTo(90_000);
        assertThat(request.primaryColour()).isEqualTo("#2d9fff");
        assertThat(request.locale()).isEqualTo("en-GB");
        assertThat(request.successUrl()).isEqualTo("https://rp.example.com/ok");
        assertThat(request.errorUrl()).isEqualTo("https://rp.example.com/err");
        assertThat(request.privacyPolicyUrl()).isEqualTo("https://rp.example.com/privacy");
        assertThat(request.notificationEndpoint()).isEqualTo("https://rp.example.com/hook");
        assertThat(request.notificationTopics())
                .isEqualTo("RESOURCE_UPDATE,TASK_COMPLETION,CHECK_COMPLETION,SESSION_COMPLETION,"
                        + "CLIENT_SESSION_TOKEN_DELETED");
        assertThat(request.notificationAuthType()).isEqualTo("BASIC");
        assertThat(request.notificationAuthTokenSealed()).doesNotContain("user:pass");
        assertThat(sealer.openValue(request.notificationAuthTokenSealed())).isEqualTo("user:pass");
    }

    @Test
    void aSessionDeadlineStandsForTheTokenTtlAndATokenWithoutTypeIsBasic() {
        Instant deadline = Instant.now().plus(Duration.ofHours(2));
        UUID id = create("""
                {"session_deadline":"%s","requested_checks":[{"type":"LIVENESS","config":{"liveness_type":"ZOOM"}}],\
                "notifications":{"endpoint":"https://rp.example.com/n","topics":["SESSION_COMPLETION"],\
                "auth_token":"t0ken"}}""".formatted(deadline));

        SessionApiRequest request = requests.findByBusinessIdAndSessionId(tenant.business().id(), id).orElseThrow();
        assertThat(request.clientSessionTokenTtl()).isBetween(7190, 7200);
        assertThat(request.notificationAuthType()).isEqualTo("BASIC");
    }

    @Test
    void aTokenTtlBeyondTheProfilesRetentionRaisesTheDefaultResourcesTtlToIt() {
        CheckProfile p = tenant.profile();
        profiles.update(tenant.business().id(), p.withLimits(p.maxAttempts(), p.challengeCount(),
                p.linkLifetimeHours(), 1), Instant.now());
        int twoDays = 2 * 86_400;
        UUID id = create("""
                {"client_session_token_ttl":%d,"requested_checks":[{"type":"LIVENESS","config":\
                {"liveness_type":"ZOOM"}}]}""".formatted(twoDays));

        assertThat(requests.findByBusinessIdAndSessionId(tenant.business().id(), id).orElseThrow().resourcesTtl())
                .isEqualTo(twoDays);
    }

    @Test
    void everyOffendingFieldIsNamedByItsPathAndNothingIsStored() {
        String body = """
                {"client_session_token_ttl":59,"resources_ttl":"long","user_tracking_id":42,"colour":"red",\
                "notifications":{"endpoint":"http://10.0.0.1/hook","topics":["RESOURCE_UPDATE","EVERYTHING"],\
                "auth_type":"DIGEST","extra":1},\
                "requested_checks":[{"type":"LIVENESS","config":{"liveness_type":"STATIC","max_retries":11}},\
                {"type":"ID_DOCUMENT_AUTHENTICITY","config":{"manual_check":"FALLBACK"}},\
                {"type":"LIVENESS","config":{"liveness_type":"ZOOM"}}],\
                "requested_tasks":[{"type":"ID_DOCUMENT_TEXT_DATA_EXTRACTION","config":{}}],\
                "required_documents":[{"type":"ID_DOCUMENT"}],\
                "sdk_config":{"primary_colour":"#12345","primary_color":"#123456","locale":"English!",\
                "success_url":"javascript:alert(1)","error_url":"/relative","privacy_policy_url":"ftp://x.example"},\
                "block_biometric_consent":true,"subject":{"subject_id":"x"}}""";

        SignedApiClient.Response response = client.post("/sessions", body);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("code").asString()).isEqualTo("INVALID_REQUEST");
        assertThat(fieldErrors(response)).containsExactlyInAnyOrder(
                "client_session_token_ttl: must be between 60 and 2592000 seconds",
                "resources_ttl: must be an integer",
                "user_tracking_id: must be a string",
                "colour: is not a field of this object",
                "subject: is not supported by Livecheck (liveness checks only)",
                "notifications.extra: is not a field of this object",
                "notifications.endpoint: must be an https URL",
                "notifications.topics[1]: must be one of RESOURCE_UPDATE, TASK_COMPLETION, CHECK_COMPLETION, "
                        + "SESSION_COMPLETION, CLIENT_SESSION_TOKEN_DELETED",
                "notifications.auth_type: must be BASIC or BEARER",
                "notifications.auth_token: is required with auth_type",
                "requested_checks[0].config.liveness_type: unsupported liveness type \"STATIC\": Livecheck performs "
                        + "ZOOM (active, moving-face) liveness only",
                "requested_checks[0].config.max_retries: must be between 1 and 10 attempts",
                "requested_checks[1].type: unsupported check type \"ID_DOCUMENT_AUTHENTICITY\": Livecheck performs "
                        + "LIVENESS checks only",
                "requested_checks[2]: only one LIVENESS check may be requested",
                "requested_tasks[0]: unsupported type \"ID_DOCUMENT_TEXT_DATA_EXTRACTION\": Livecheck has no tasks",
                "required_documents[0]: unsupported type \"ID_DOCUMENT\": Livecheck captures no documents",
                "block_biometric_consent: cannot be true: the capture page always asks the end user's biometric "
                        + "consent",
                "sdk_config.primary_color: is not a field of this object",
                "sdk_config.primary_colour: must be a colour #rrggbb",
                "sdk_config.locale: must be a language tag such as en, de or en-GB",
                "sdk_config.success_url: must be an absolute http or https URL",
                "sdk_config.error_url: must be an absolute http or https URL",
                "sdk_config.privacy_policy_url: must be an absolute http or https URL");
        assertThat(sessionCount(tenant)).isZero();
        assertThat(auditOf(tenant, AuditAction.SESSION_CREATED.name())).isEmpty();
    }

    /** Livecheck's extension of the LIVENESS config: the abandon cap, in CheckProfile's range. */
    @Test
    void maxAbandonedAttemptsIsTakenWithinItsRangeAndRefusedOutsideIt() {
        SignedApiClient.Response created = client.post("/sessions", "{\"requested_checks\":[{\"type\":\"LIVENESS\","
                + "\"config\":{\"liveness_type\":\"ZOOM\",\"max_abandoned_attempts\":"
                + CheckProfile.MAX_MAX_ABANDONED_ATTEMPTS + "}}]}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        UUID id = UUID.fromString(json(created).get("session_id").asString());
        assertThat(sessions.findByBusinessIdAndId(tenant.business().id(), id).orElseThrow().maxAbandonedAttempts())
                .isEqualTo(CheckProfile.MAX_MAX_ABANDONED_ATTEMPTS);

        for (String bad : new String[] {"0", "21", "2.5", "\"5\"", "99999999999"}) {
            assertThat(fieldErrors(client.post("/sessions", "{\"requested_checks\":[{\"type\":\"LIVENESS\","
                    + "\"config\":{\"liveness_type\":\"ZOOM\",\"max_abandoned_attempts\":" + bad + "}}]}")))
                    .as(bad).hasSize(1).allMatch(e -> e.startsWith("requested_checks[0].config.max_abandoned_attempts: "));
        }
    }

    @Test
    void rangesAndRelationsOfTheLifetimes() {
        assertThat(fieldErrors(client.post("/sessions", """
                {"client_session_token_ttl":3600,"resources_ttl":3599,"requested_checks":[{"type":"LIVENESS",\
                "config":{"liveness_type":"ZOOM","max_retries":0}}]}""")))
                .containsExactlyInAnyOrder(
                        "resources_ttl: must be at least client_session_token_ttl (3600 seconds): the images must "
                                + "outlive the capture link",
                        "requested_checks[0].config.max_retries: must be between 1 and 10 attempts");
        assertThat(fieldErrors(client.post("/sessions", """
                {"client_session_token_ttl":2592001,"resources_ttl":315360001,"requested_checks":[{"type":"LIVENESS",\
                "config":{"liveness_type":"ZOOM","max_retries":2.5}}]}""")))
                .containsExactlyInAnyOrder(
                        "client_session_token_ttl: must be between 60 and 2592000 seconds",
                        "resources_ttl: must be between 60 and 315360000 seconds",
                        "requested_checks[0].config.max_retries: must be an integer");
        assertThat(fieldErrors(client.post("/sessions", """
                {"client_session_token_ttl":600,"session_deadline":"2099-01-01T00:00:00Z",\
                "requested_checks":[{"type":"LIVENESS","config":{"liveness_type":"ZOOM"}}]}""")))
                .containsExactly("session_deadline: give client_session_token_ttl or session_deadline, not both");
        assertThat(fieldErrors(client.post("/sessions", """
                {"session_deadline":"tomorrow","requested_checks":[{"type":"LIVENESS","config":\
                {"liveness_type":"ZOOM"}}]}""")))
                .containsExactly("session_deadline: must be an ISO-8601 date-time with offset, e.g. "
                        + "2030-01-01T00:00:00Z");
        assertThat(fieldErrors(client.post("/sessions", """
                {"client_session_token_ttl":99999999999,"requested_checks":[{"type":"LIVENESS","config":\
                {"liveness_type":"ZOOM"}}]}""")))
                .containsExactly("client_session_token_ttl: must be between 60 and 2592000 seconds");
        assertThat(sessionCount(tenant)).isZero();
    }

    @Test
    void theCheckListMustHoldExactlyOneLivenessCheck() {
        assertThat(fieldErrors(client.post("/sessions", "{}")))
                .containsExactly("requested_checks: must request exactly one LIVENESS check");
        assertThat(fieldErrors(client.post("/sessions", "{\"requested_checks\":[]}")))
                .containsExactly("requested_checks: must request exactly one LIVENESS check");
        assertThat(fieldErrors(client.post("/sessions", "{\"requested_checks\":{\"type\":\"LIVENESS\"}}")))
                .containsExactly("requested_checks: must be an array");
        assertThat(fieldErrors(client.post("/sessions", "{\"requested_checks\":[\"LIVENESS\",{\"config\":{}}]}")))
                .containsExactlyInAnyOrder("requested_checks[0]: must be an object",
                        "requested_checks[1].type: is required");
        assertThat(fieldErrors(client.post("/sessions",
                "{\"requested_checks\":[{\"type\":\"LIVENESS\",\"config\":{\"max_retries\":2,\"face\":true}}]}")))
                .containsExactlyInAnyOrder("requested_checks[0].config.face: is not a field of this object",
                        "requested_checks[0].config.liveness_type: is required: ZOOM");
        assertThat(fieldErrors(client.post("/sessions", "{\"requested_checks\":[{\"type\":\"LIVENESS\"}]}")))
                .containsExactly("requested_checks[0].config.liveness_type: is required: ZOOM");
        assertThat(sessionCount(tenant)).isZero();
    }

    @Test
    void notificationsNeedAnEndpointTopicsAndAPrintableToken() {
        assertThat(fieldErrors(client.post("/sessions", """
                {"requested_checks":[{"type":"LIVENESS","config":{"liveness_type":"ZOOM"}}],\
                "notifications":{"topics":[],"auth_token":"a\\r\\nX-Injected: 1","auth_type":"BEARER"}}""")))
                .containsExactlyInAnyOrder("notifications.endpoint: is required with notifications",
                        "notifications.topics: must name at least one of RESOURCE_UPDATE, TASK_COMPLETION, "
                                + "CHECK_COMPLETION, SESSION_COMPLETION, CLIENT_SESSION_TOKEN_DELETED",
                        "notifications.auth_token: must be printable ASCII (it is sent in the Authorization header)");
        assertThat(fieldErrors(client.post("/sessions", """
                {"requested_checks":[{"type":"LIVENESS","config":{"liveness_type":"ZOOM"}}],\
                "notifications":{"endpoint":"https://localhost/hook","topics":["SESSION_COMPLETION"]}}""")))
                .containsExactly("notifications.endpoint: must not point to a private, loopback or link-local "
                        + "address");
        assertThat(fieldErrors(client.post("/sessions", """
                {"requested_checks":[{"type":"LIVENESS","config":{"liveness_type":"ZOOM"}}],"notifications":[]}""")))
                .containsExactly("notifications: must be an object");
        assertThat(sessionCount(tenant)).isZero();
    }

    @Test
    void malformedTruncatedEmptyOrAmbiguousJsonIsA400WithoutStoringAnything() {
        for (String body : new String[] {"{\"requested_checks\":[{\"type\":\"LIVENESS\"", "{'a':1}", "not json",
                "{\"requested_checks\":[]} trailing", "{\"user_tracking_id\":\"a\",\"user_tracking_id\":\"b\"}",
                "{\"a\":\"\\u12\"}"}) {
            SignedApiClient.Response response = client.post("/sessions", body);
            assertThat(response.statusCode()).as(body).isEqualTo(400);
            assertThat(json(response).get("code").asString()).as(body).isEqualTo("MALFORMED_JSON");
            assertThat(json(response).get("message").asString()).as(body).startsWith("The body is not valid JSON: ");
        }
        SignedApiClient.Response empty = client.post("/sessions", "");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(json(empty).get("code").asString()).isEqualTo("MALFORMED_JSON");
        for (String body : new String[] {"[]", "\"session\"", "42", "null"}) {
            SignedApiClient.Response response = client.post("/sessions", body);
            assertThat(response.statusCode()).as(body).isEqualTo(400);
            assertThat(fieldErrors(response)).as(body)
                    .containsExactly("$: the session specification must be a JSON object");
        }
        assertThat(sessionCount(tenant)).isZero();
    }

    @Test
    void aDeeplyNestedBodyIsRefusedNotACrash() {
        String deep = "{\"sdk_config\":{\"attempts_configuration\":" + "[".repeat(3000) + "]".repeat(3000) + "}}";
        SignedApiClient.Response response = client.post("/sessions", deep);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("code").asString()).isEqualTo("MALFORMED_JSON");
    }

    @Test
    void anArchivedProfileIsAConflictNamingTheCause() {
        profiles.archive(tenant.business().id(), tenant.profile().id(), Instant.now());

        SignedApiClient.Response response = client.post("/sessions", MINIMAL);

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(json(response).get("code").asString()).isEqualTo("PROFILE_UNAVAILABLE");
        assertThat(sessionCount(tenant)).isZero();
    }
}
