package io.gather.observe;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;

/**
 * The OpenAPI document's title and version (read at build time only). The rest is written in
 * {@code src/main/openapi/gather-api.yml} (the dashboard routes are hidden from generation); the document is served by
 * {@link OpenApiEndpoint} and checked against real answers by {@code OpenApiDocumentTest}.
 */
@OpenAPIDefinition(info = @Info(title = "Gather", version = "1",
    description = "One call returns a user's dashboard, fanned out to four downstream services, as one JSON answer (in "
        + "a full or compact view, for all sections or some) or as a stream of one event per section. Each section is ok "
        + "(live, or from Gather's cache while fresh), stale (served from the cache because the live call failed) or "
        + "missing with a reason: see sections. Errors are application/problem+json (RFC 9457). Every answer carries "
        + "X-Request-Id; send W3C traceparent/tracestate to continue a trace."))
final class OpenApiDefinition {
    private OpenApiDefinition() {
    }
}
