package io.gather.http;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.http.server.cors.CorsFilter;

/**
 * Micronaut's CORS filter refuses a request from an origin it does not allow with a bare 403 (no body, no type);
 * this gives that 403 the problem every other error has. It wraps the CORS filter, so it sees the refusal, and only
 * a bodiless 403 to a request with an {@code Origin} is taken for one.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
@Requires(property = "micronaut.server.cors.enabled", value = "true")
final class CorsRefusalProblem implements Ordered {
    @Override
    public int getOrder() {
        return CorsFilter.CORS_FILTER_ORDER - 1;
    }

    @ResponseFilter
    void explain(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (response.code() != HttpStatus.FORBIDDEN.getCode() || response.getBody().isPresent()
            || !request.getHeaders().contains(HttpHeaders.ORIGIN)) {
            return;
        }
        Problem problem = new Problem(Problem.ABOUT_BLANK, "Forbidden", 403,
            "Requests from this origin are not allowed (CORS).", request.getPath(), RequestIds.of(request), null, null);
        response.contentType(Problem.MEDIA_TYPE).getHeaders().date(System.currentTimeMillis());
        if (request.getMethod() != HttpMethod.HEAD) {
            response.body(problem);
        }
    }
}
