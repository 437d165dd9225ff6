package io.gather.api;

import io.gather.auth.Caller;
import io.gather.dashboard.DashboardAssembler;
import io.gather.dashboard.RequiredSectionMissing;
import io.gather.http.Problem;
import io.gather.http.ProblemException;
import io.gather.http.RequestIds;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import reactor.core.publisher.Mono;

/**
 * The dashboard of the caller ({@code GET /api/v1/dashboard}) or of a named user, who must be the
 * caller ({@code GET /api/v1/users/{userId}/dashboard}). Complete answers may be kept by the caller's
 * own cache and revalidated; partial ones may not be stored at all.
 */
@Controller("/api/v1")
@Secured(SecurityRule.IS_AUTHENTICATED)
final class DashboardController {
    static final String CACHE_COMPLETE = "private, no-cache";
    static final String CACHE_PARTIAL = "private, no-store";

    private final DashboardAssembler assembler;

    DashboardController(DashboardAssembler assembler) {
        this.assembler = assembler;
    }

    @Get(uri = "/dashboard", produces = MediaType.APPLICATION_JSON)
    Mono<HttpResponse<DashboardBody>> mine(Authentication authentication, HttpRequest<?> request) {
        return dashboard(Caller.of(authentication).userId(), request);
    }

    @Get(uri = "/users/{userId}/dashboard", produces = MediaType.APPLICATION_JSON)
    Mono<HttpResponse<DashboardBody>> ofUser(String userId, Authentication authentication, HttpRequest<?> request) {
        if (!Caller.of(authentication).mayRead(userId)) {
            return Mono.error(new ProblemException(403, Problem.TYPE_BASE + "not-your-dashboard", "Forbidden",
                "A token may only read the dashboard of its own subject."));
        }
        return dashboard(userId, request);
    }

    private Mono<HttpResponse<DashboardBody>> dashboard(String userId, HttpRequest<?> request) {
        return assembler.assemble(userId, RequestIds.of(request))
            .map(DashboardBody::of)
            .<HttpResponse<DashboardBody>>map(body -> HttpResponse.ok(body)
                .contentType(MediaType.APPLICATION_JSON_TYPE)   // Gather's own: never the Accept field's parameters
                .header(HttpHeaders.CACHE_CONTROL, body.complete() ? CACHE_COMPLETE : CACHE_PARTIAL)
                .header(HttpHeaders.VARY, HttpHeaders.AUTHORIZATION))
            .onErrorMap(RequiredSectionMissing.class, RequiredSectionProblems::of);
    }
}
