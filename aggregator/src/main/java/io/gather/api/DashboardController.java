package io.gather.api;

import io.gather.auth.Caller;
import io.gather.auth.scopes.SectionAccess;
import io.gather.dashboard.Sections;
import io.gather.dashboard.DashboardAssembler;
import io.gather.dashboard.DashboardQuery;
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
 * caller ({@code GET /api/v1/users/{userId}/dashboard}). Answers with every section live or fresh may be
 * kept by the caller's own cache and revalidated; degraded ones (a section stale or missing) may not be stored.
 */
@Controller("/api/v1")
@Secured(SecurityRule.IS_AUTHENTICATED)
final class DashboardController {
    static final String CACHE_COMPLETE = "private, no-cache";
    static final String CACHE_PARTIAL = "private, no-store";

    private final DashboardAssembler assembler;
    private final SectionAccess access;

    DashboardController(DashboardAssembler assembler, SectionAccess access) {
        this.assembler = assembler;
        this.access = access;
    }

    @Get(uri = "/dashboard", produces = MediaType.APPLICATION_JSON)
    Mono<HttpResponse<DashboardBody>> mine(Authentication authentication, HttpRequest<?> request) {
        Caller caller = Caller.of(authentication);
        return dashboard(query(caller.userId(), caller, request));
    }

    @Get(uri = "/users/{userId}/dashboard", produces = MediaType.APPLICATION_JSON)
    Mono<HttpResponse<DashboardBody>> ofUser(String userId, Authentication authentication, HttpRequest<?> request) {
        Caller caller = Caller.of(authentication);
        if (!caller.mayRead(userId)) {
            return Mono.error(new ProblemException(403, Problem.TYPE_BASE + "not-your-dashboard", "Forbidden",
                "A token may only read the dashboard of its own subject."));
        }
        return dashboard(query(userId, caller, request));
    }

    private DashboardQuery query(String userId, Caller caller, HttpRequest<?> request) {
        return new DashboardQuery(userId, caller, RequestIds.of(request), access.grantedSections(caller, Sections.ids()));
    }

    private Mono<HttpResponse<DashboardBody>> dashboard(DashboardQuery query) {
        return assembler.assemble(query)
            .map(DashboardBody::of)
            .<HttpResponse<DashboardBody>>map(body -> HttpResponse.ok(body)
                .contentType(MediaType.APPLICATION_JSON_TYPE)   // Gather's own: never the Accept field's parameters
                .header(HttpHeaders.CACHE_CONTROL, body.degraded() ? CACHE_PARTIAL : CACHE_COMPLETE)
                .header(HttpHeaders.VARY, HttpHeaders.AUTHORIZATION))
            .onErrorMap(RequiredSectionMissing.class, RequiredSectionProblems::of);
    }
}
