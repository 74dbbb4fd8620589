package dev.livecheck.portal.api;

import dev.livecheck.persistence.profiles.CheckProfile;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /idverify/v1/sessions}: create, read, configuration and delete, in the IDV session format. The body is read
 * as bytes and parsed by {@link SessionSpecParser}, so a bad request names every offending field. Documented for
 * OpenAPI by {@link SessionApiDocs}.
 */
@RestController
@RequestMapping(ApiAuthenticationFilter.BASE_PATH + "/sessions")
class SessionApiController implements SessionApiDocs {

    private final ApiSessions sessions;
    private final SessionSpecParser parser;
    private final Clock clock;

    SessionApiController(ApiSessions sessions, SessionSpecParser parser, Clock clock) {
        this.sessions = sessions;
        this.parser = parser;
        this.clock = clock;
    }

    @Override
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<CreateSessionResult> create(HttpServletRequest request,
                                                      @RequestBody(required = false) byte[] body) {
        ApiCaller caller = ApiCaller.from(request);
        Instant now = clock.instant();
        CheckProfile profile = sessions.profileOf(caller);
        ApiSessions.Created created = sessions.create(caller, profile, parser.parse(body, profile, now), now);
        return ResponseEntity.status(HttpStatus.CREATED).cacheControl(CacheControl.noStore())
                .body(new CreateSessionResult(created.clientSessionTokenTtl(), created.sessionId().toString(),
                        created.clientSessionToken()));
    }

    @Override
    @GetMapping(value = "/{sessionId}", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<SessionResult> get(HttpServletRequest request, @PathVariable String sessionId) {
        ApiSessions.Found found = find(request, sessionId);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(SessionResults.of(found, clock.instant()));
    }

    @Override
    @GetMapping(value = "/{sessionId}/configuration", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<SessionConfiguration> configuration(HttpServletRequest request,
                                                              @PathVariable String sessionId) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(SessionResults.configuration(find(request, sessionId)));
    }

    @Override
    @DeleteMapping("/{sessionId}")
    public ResponseEntity<Void> delete(HttpServletRequest request, @PathVariable String sessionId) {
        UUID id = ApiIds.parse(sessionId, ApiException::sessionNotFound);
        if (!sessions.delete(ApiCaller.from(request), id, clock.instant())) {
            throw ApiException.sessionNotFound();
        }
        return ResponseEntity.noContent().build();
    }

    private ApiSessions.Found find(HttpServletRequest request, String sessionId) {
        UUID id = ApiIds.parse(sessionId, ApiException::sessionNotFound);
        return sessions.find(ApiCaller.from(request), id).orElseThrow(ApiException::sessionNotFound);
    }
}
