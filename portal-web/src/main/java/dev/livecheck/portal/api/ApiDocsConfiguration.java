package dev.livecheck.portal.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document of the session API ({@code /v3/api-docs}, Swagger UI at {@code /swagger-ui.html}), when
 * {@code livecheck.api.docs.enabled} is true (the default; application.yml switches springdoc off with it). Only
 * {@code /idverify/v1/**} is described (springdoc.paths-to-match): the portal's pages are not an API.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "livecheck.api.docs.enabled", havingValue = "true", matchIfMissing = true)
class ApiDocsConfiguration {

    static final String SIGNATURE = "signature";

    @Bean
    OpenAPI livecheckOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Livecheck session API").version("v1").description("""
                        Liveness sessions in the IDV session format: Yoti's SDKs work against it by setting their \
                        API URL to https://<portal>/idverify/v1. Every request is signed: query parameters sdkId \
                        (the application's SDK ID), nonce (a UUID, once) and timestamp (ms since the epoch, within \
                        5 minutes), and the header X-Yoti-Auth-Digest = Base64(RSA-SHA256 over \
                        "METHOD&PATH?QUERY" + "&" + Base64(body) when there is a body), PATH relative to \
                        /idverify/v1. Errors are {"code","message","errors":[{"property","message"}]}; see \
                        docs/api.md."""))
                .components(new Components()
                        .addSecuritySchemes("sdkId", query("sdkId", "The application's SDK ID"))
                        .addSecuritySchemes("nonce", query("nonce", "A fresh UUID per request"))
                        .addSecuritySchemes("timestamp", query("timestamp", "Milliseconds since the epoch"))
                        .addSecuritySchemes(SIGNATURE, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.HEADER).name(ApiSignature.HEADER)
                                .description("Base64 RSA-SHA256 (PKCS#1 v1.5) signature of METHOD&PATH?QUERY"
                                        + "[&BASE64(BODY)] with the application's private key")))
                .addSecurityItem(new SecurityRequirement().addList("sdkId").addList("nonce").addList("timestamp")
                        .addList(SIGNATURE));
    }

    private static SecurityScheme query(String name, String description) {
        return new SecurityScheme().type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.QUERY).name(name)
                .description(description);
    }

    /** The answers every signed request can get, whichever endpoint: added to each operation. */
    @Bean
    OpenApiCustomizer commonApiErrors() {
        Map<String, String> common = Map.of(
                "401", "UNAUTHORIZED: signature, SDK ID, timestamp or nonce not accepted (the same body for every "
                        + "reason; the server log names it)",
                "413", "PAYLOAD_TOO_LARGE: body over livecheck.api.max-body-bytes",
                "429", "TOO_MANY_REQUESTS: over livecheck.api.requests-per-minute; see Retry-After",
                "405", "METHOD_NOT_ALLOWED (Allow lists the methods)",
                "500", "INTERNAL_ERROR: logged; no details are returned");
        return openApi -> openApi.getPaths().values().forEach(path -> path.readOperations().forEach(operation ->
                common.forEach((status, description) -> operation.getResponses().addApiResponse(status,
                        errorResponse(description)))));
    }

    private static ApiResponse errorResponse(String description) {
        Schema<Object> error = new Schema<>();
        error.set$ref("#/components/schemas/ApiError");
        return new ApiResponse().description(description)
                .content(new Content().addMediaType("application/json", new MediaType().schema(error)));
    }
}
