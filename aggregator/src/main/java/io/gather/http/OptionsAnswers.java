package io.gather.http;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.server.cors.CorsFilter;
import io.micronaut.http.server.cors.CorsUtil;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Answers {@code OPTIONS} as RFC 9110 §9.3.7 describes: 200 with an empty body and {@code Allow} naming the methods of
 * the target, {@code OPTIONS} among them, instead of the 405 problem Micronaut gives a path that has no OPTIONS route.
 * {@code OPTIONS *} asks about the server as a whole: the methods its resources allow. A CORS preflight
 * ({@code Origin} with {@code Access-Control-Request-Method}) is left to the CORS filter and, CORS off, keeps its 405;
 * a path with nothing at it stays a 404. No token is needed: the answer names methods, nothing of a user's.
 * Micronaut's own {@code OptionsFilter} does the same but keeps the 405's problem body under its 200.
 */
@ServerFilter(value = {ServerFilter.MATCH_ALL_PATTERN, "*"}, methods = HttpMethod.OPTIONS)  // "*": OPTIONS *
final class OptionsAnswers implements Ordered {
    private static final String SERVER_WIDE = "GET, HEAD, OPTIONS";

    @Override
    public int getOrder() {
        return CorsFilter.CORS_FILTER_ORDER + 10;   // after CORS has answered its preflights, before security
    }

    // Checked in each method: Micronaut never asked a ConditionalFilter here for a request that matched no route.
    private static boolean asked(HttpRequest<?> request) {
        return !CorsUtil.isPreflightRequest(request);
    }

    @RequestFilter
    @Nullable
    HttpResponse<?> aboutTheServer(HttpRequest<?> request) {
        if (!asked(request) || !"*".equals(request.getPath())) {
            return null;
        }
        return HttpResponse.ok().header(HttpHeaders.ALLOW, SERVER_WIDE).contentLength(0);
    }

    @ResponseFilter
    void allowedMethods(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (!asked(request) || response.code() != HttpStatus.METHOD_NOT_ALLOWED.getCode()) {
            return;
        }
        Set<String> allowed = new LinkedHashSet<>();
        for (String field : response.getHeaders().getAll(HttpHeaders.ALLOW)) {
            for (String method : field.split(",")) {
                if (!method.isBlank()) {
                    allowed.add(method.trim());
                }
            }
        }
        allowed.add(HttpMethod.OPTIONS.name());
        request.removeAttribute(ProblemResponseProcessor.PROBLEM_ATTRIBUTE, Problem.class);    // an answer, not a refusal, in the access line
        response.status(HttpStatus.OK).body(null);
        response.getHeaders().remove(HttpHeaders.CONTENT_TYPE);
        response.getHeaders().set(HttpHeaders.ALLOW, String.join(", ", allowed));
        response.contentLength(0);
    }
}
