package io.gather.observe;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;

/**
 * The OpenAPI document's title and version (read at build time only). The rest comes from the controllers, the
 * records and {@code src/main/openapi/gather-api.yml}; the document is served by {@link OpenApiEndpoint}.
 */
@OpenAPIDefinition(info = @Info(title = "Gather", version = "1",
    description = "One call returns a user's dashboard, fanned out to four downstream services. Each section is live, "
        + "cached, stale (served from the cache because the live call failed) or missing with a reason: see sections. "
        + "Errors are application/problem+json (RFC 9457). Every answer carries X-Request-Id; send W3C "
        + "traceparent/tracestate to continue a trace."))
final class OpenApiDefinition {
    private OpenApiDefinition() {
    }
}
