package dev.livecheck.portal.api;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The session API's limits (docs/api.md, docs/operations.md): how far a request's timestamp may be from the server's
 * clock (nonces are remembered that long), the largest request body, each application's request budget per node,
 * and whether its OpenAPI document and Swagger UI are served ({@link ApiDocsConfiguration}; application.yml passes
 * the switch on to springdoc).
 */
@ConfigurationProperties("livecheck.api")
record ApiProperties(@DefaultValue("5m") Duration timestampWindow,
                     @DefaultValue("65536") int maxBodyBytes,
                     @DefaultValue("600") int requestsPerMinute,
                     @DefaultValue Docs docs) {

    record Docs(@DefaultValue("true") boolean enabled) {
    }
}
