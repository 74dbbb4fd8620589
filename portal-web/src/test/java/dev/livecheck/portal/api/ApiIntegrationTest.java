package dev.livecheck.portal.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livecheck.persistence.applications.ApiApplications;
import dev.livecheck.persistence.audit.AuditEvent;
import dev.livecheck.persistence.audit.AuditLog;
import dev.livecheck.persistence.business.Businesses;
import dev.livecheck.persistence.profiles.CheckProfiles;
import dev.livecheck.persistence.sessions.VerificationSessions;
import dev.livecheck.portal.TestData;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.data.domain.Pageable;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The session API over a real port, signed like the SDKs sign: one application context (its own in-memory H2) for
 * every test class extending this. Each test makes its own business, so tests never see each other's rows.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:api-sessions;DB_CLOSE_DELAY=-1")
@ActiveProfiles("test")
abstract class ApiIntegrationTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String MINIMAL = """
            {"requested_checks":[{"type":"LIVENESS","config":{"max_retries":3,"liveness_type":"ZOOM"}}],\
            "requested_tasks":[],"required_documents":[]}""";

    @LocalServerPort
    int port;
    @Autowired
    Businesses businesses;
    @Autowired
    CheckProfiles profiles;
    @Autowired
    ApiApplications applications;
    @Autowired
    VerificationSessions sessions;
    @Autowired
    AuditLog audit;
    @Autowired
    ApplicationContext context;

    TestData.ApiTenant tenant;
    SignedApiClient client;
    TestData rows;

    @BeforeEach
    void tenant() {
        rows = new TestData(context);
        tenant = newTenant("Shop");
        client = tenant.client(baseUrl());
    }

    TestData.ApiTenant newTenant(String name) {
        return rows.apiTenant(name + " " + UUID.randomUUID());
    }

    String baseUrl() {
        return "http://localhost:" + port + "/idverify/v1";
    }

    static JsonNode json(SignedApiClient.Response response) {
        return JSON.readTree(response.body());
    }

    /** Creates a session (201 expected) and returns its id. */
    UUID create(String body) {
        SignedApiClient.Response response = client.post("/sessions", body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return UUID.fromString(json(response).get("session_id").asString());
    }

    long sessionCount(TestData.ApiTenant t) {
        return sessions.countByState(t.business().id()).values().stream().mapToLong(Long::longValue).sum();
    }

    List<AuditEvent> auditOf(TestData.ApiTenant t, String action) {
        return audit.findByBusinessIdOrderByOccurredAtDesc(t.business().id(), Pageable.ofSize(100)).getContent()
                .stream().filter(e -> e.action().equals(action)).toList();
    }

    /** The error body's (property, message) pairs as "property: message". */
    static List<String> fieldErrors(SignedApiClient.Response response) {
        JsonNode errors = json(response).get("errors");
        return errors.valueStream().map(e -> e.get("property").asString() + ": " + e.get("message").asString())
                .toList();
    }
}
