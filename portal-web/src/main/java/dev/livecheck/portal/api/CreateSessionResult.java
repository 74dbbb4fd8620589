package dev.livecheck.portal.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

/** The answer to {@code POST /sessions} (201): the token is shown here once; only its hash is stored. */
@Schema(name = "CreateSessionResult")
record CreateSessionResult(
        @JsonProperty(Wire.CLIENT_SESSION_TOKEN_TTL) @Schema(description = "Seconds the client session token works")
        int clientSessionTokenTtl,
        @JsonProperty(Wire.SESSION_ID) @Schema(description = "The session's id (UUID)")
        String sessionId,
        @JsonProperty(Wire.CLIENT_SESSION_TOKEN)
        @Schema(description = "Opens the web entry /idverify/v1/web/index.html?sessionID=…&sessionToken=…; "
                + "256 random bits, returned only here")
        String clientSessionToken) {
}
