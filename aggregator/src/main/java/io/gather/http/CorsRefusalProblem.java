package io.gather.http;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ConditionalFilter;
import io.micronaut.http.server.annotation.PreMatching;
import io.micronaut.http.server.cors.CorsFilter;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;

/**
 * Micronaut's CORS filter refuses with a bare 403 (no body, no type): a request from an origin it does not allow, a
 * preflight asking for what the configuration does not allow, and a page from another origin (one not listed, with CORS
 * on) reaching a Gather bound to loopback (its guard against drive-by requests). This gives that 403 the problem every other error
 * has. It wraps the CORS filter in both of its phases (a preflight is refused before routing, anything else after), so
 * it sees either refusal, and only a bodiless 403 to a request with an {@code Origin} is taken for one. A request
 * without an {@code Origin} skips it. The problem is written as every other ({@link ProblemResponseProcessor}).
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class CorsRefusalProblem implements Ordered, ConditionalFilter {
    private final ErrorResponseProcessor<?> problems;

    CorsRefusalProblem(ErrorResponseProcessor<?> problems) {
        this.problems = problems;
    }

    @Override
    public int getOrder() {
        return CorsFilter.CORS_FILTER_ORDER - 1;
    }

    @Override
    public boolean isEnabled(HttpRequest<?> request) {
        return request.getHeaders().contains(HttpHeaders.ORIGIN);
    }

    @PreMatching
    @ResponseFilter
    void explainPreflight(HttpRequest<?> request, MutableHttpResponse<?> response) {
        response.getHeaders().set(HttpHeaders.DATE, HttpDate.now());    // answered before routing: no other filter dates it
        explain(request, response);
    }

    @ResponseFilter
    void explain(HttpRequest<?> request, MutableHttpResponse<?> response) {
        // isEnabled is not asked for a request that matched no route, so the Origin is checked here too
        if (!isEnabled(request) || response.code() != HttpStatus.FORBIDDEN.getCode() || response.getBody().isPresent()) {
            return;
        }
        ProblemException refused = new ProblemException(403, Problem.ABOUT_BLANK, "Forbidden",
            "Requests from this origin are not allowed (CORS).");
        problems.processResponse(ErrorContext.builder(request).cause(refused).build(), response);
    }
}
