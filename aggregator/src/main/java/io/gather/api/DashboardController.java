package io.gather.api;

import io.gather.access.Callers;
import io.gather.auth.Caller;
import io.gather.auth.scopes.SectionAccess;
import io.gather.dashboard.DashboardAssembler;
import io.gather.dashboard.DashboardQuery;
import io.gather.dashboard.RequiredSectionMissing;
import io.gather.dashboard.Sections;
import io.gather.dashboard.config.SectionSettingsRegistry;
import io.gather.http.Problem;
import io.gather.http.ProblemException;
import io.gather.http.RequestIds;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.json.JsonMapper;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;
import reactor.core.publisher.Mono;

/**
 * The dashboard of the caller ({@code GET /api/v1/dashboard}) or of a named user, who must be the caller
 * ({@code GET /api/v1/users/{userId}/dashboard}), in a view ({@code ?view=}) and for some sections
 * ({@code ?sections=}), as one JSON answer or, by {@code Accept}, as a stream of one event per section.
 * A complete JSON answer has an {@code ETag} and may be kept for {@code gather.dashboard.max-age}, then revalidated
 * ({@code If-None-Match}: 304); a degraded one (a section stale or missing) has no tag and may not be stored. An
 * {@code If-Match} other than {@code *} is a 412: no weak tag matches it.
 */
@Controller("/api/v1")
@Secured(SecurityRule.IS_AUTHENTICATED)
final class DashboardController {
    static final String CACHE_PARTIAL = "private, no-store";
    static final String VARY = HttpHeaders.AUTHORIZATION + ", " + HttpHeaders.ACCEPT + ", " + HttpHeaders.ACCEPT_ENCODING;
    static final String NDJSON = "application/x-ndjson";

    private final DashboardAssembler assembler;
    private final DashboardStreams streams;
    private final SectionAccess access;
    private final JsonMapper json;
    private final String cacheComplete;

    DashboardController(DashboardAssembler assembler, DashboardStreams streams, SectionAccess access, JsonMapper json,
                        SectionSettingsRegistry settings) {
        this.assembler = assembler;
        this.streams = streams;
        this.access = access;
        this.json = json;
        long maxAge = settings.maxAge().toSeconds();
        this.cacheComplete = maxAge > 0 ? "private, max-age=" + maxAge : "private, no-cache";
    }

    // */* too: Micronaut matches Accept to these by exact type, so application/* or text/html got a 406; DashboardFormat
    // chooses (the JSON answer for anything but the two stream types, as RFC 9110 section 12.5.1 allows)
    @Get(uri = "/dashboard", produces = {MediaType.APPLICATION_JSON, NDJSON, MediaType.TEXT_EVENT_STREAM, MediaType.ALL})
    @Hidden // in the OpenAPI document as written in src/main/openapi/gather-api.yml, not as generated
    Mono<MutableHttpResponse<?>> mine(Authentication authentication, HttpRequest<?> request) {
        Caller caller = Callers.of(request);
        return dashboard(caller.userId(), caller, request);
    }

    @Get(uri = "/users/{userId}/dashboard", produces = {MediaType.APPLICATION_JSON, NDJSON, MediaType.TEXT_EVENT_STREAM, MediaType.ALL})
    @Hidden // in the OpenAPI document as written in src/main/openapi/gather-api.yml, not as generated
    Mono<MutableHttpResponse<?>> ofUser(String userId, Authentication authentication, HttpRequest<?> request) {
        Caller caller = Callers.of(request);
        if (!caller.mayRead(userId)) {
            return Mono.error(new ProblemException(403, Problem.TYPE_BASE + "not-your-dashboard", "Forbidden",
                "A token may only read the dashboard of its own subject."));
        }
        return dashboard(userId, caller, request);
    }

    private Mono<MutableHttpResponse<?>> dashboard(String userId, Caller caller, HttpRequest<?> request) {
        DashboardParameters parameters;
        try {
            parameters = DashboardParameters.of(request);
        } catch (ProblemException e) {
            return Mono.error(e);
        }
        DashboardQuery query = new DashboardQuery(userId, caller, RequestIds.of(request),
            access.grantedSections(caller, Sections.ids()), parameters.sections(), parameters.view());
        DashboardFormat format = DashboardFormat.of(request);
        return format == DashboardFormat.JSON ? answer(query, request) : stream(query, format, request);
    }

    private Mono<MutableHttpResponse<?>> answer(DashboardQuery query, HttpRequest<?> request) {
        long start = System.nanoTime();
        boolean ifMatchFails = EntityTags.ifMatchFails(request.getHeaders());
        return assembler.assemble(query)
            .<MutableHttpResponse<?>>map(dashboard -> {
                if (ifMatchFails) {
                    // only now: an answer that would not have been a 2xx (404, 502, 504) ignores it (RFC 9110 section 13.2.1)
                    throw preconditionFailed();
                }
                DashboardAnswer answer = DashboardAnswer.of(dashboard, query.view(), json);
                MutableHttpResponse<?> response;
                if (answer.etag() == null) {
                    response = HttpResponse.ok(answer.bytes()).header(HttpHeaders.CACHE_CONTROL, CACHE_PARTIAL);
                } else {
                    response = EntityTags.noneMatchFails(request.getHeaders().getAll(HttpHeaders.IF_NONE_MATCH), answer.etag())
                        ? HttpResponse.status(HttpStatus.NOT_MODIFIED)
                        : HttpResponse.ok(answer.bytes());
                    response.header(HttpHeaders.ETAG, answer.etag()).header(HttpHeaders.CACHE_CONTROL, cacheComplete);
                }
                if (response.status() == HttpStatus.OK) {
                    response.contentType(MediaType.APPLICATION_JSON_TYPE);   // Gather's own: never the Accept field's parameters
                    if (request.getMethod() == HttpMethod.HEAD) {
                        // Micronaut drops a HEAD answer's body without its length, and then closes the connection
                        response.contentLength(answer.bytes().length);
                    }
                }
                return response.header(HttpHeaders.VARY, VARY)
                    .header(ServerTiming.FIELD, ServerTiming.of(dashboard, System.nanoTime() - start));
            })
            .onErrorMap(RequiredSectionMissing.class, RequiredSectionProblems::of);
    }

    private Mono<MutableHttpResponse<?>> stream(DashboardQuery query, DashboardFormat format, HttpRequest<?> request) {
        if (EntityTags.ifMatchFails(request.getHeaders())) {
            return Mono.error(preconditionFailed());     // a stream has no tag at all; its 200 is sent before any section
        }
        // A stream's head (200, type, caching) is known before any section settles, so HEAD calls no service.
        MutableHttpResponse<?> head = request.getMethod() == HttpMethod.HEAD
            ? HttpResponse.ok()
            : HttpResponse.ok(streams.events(query, format, request.getPath()));
        return Mono.just(head
            .contentType(format.mediaType)
            .header(HttpHeaders.CACHE_CONTROL, CACHE_PARTIAL)       // a stream is never stored; its summary has the ETag
            .header(HttpHeaders.VARY, VARY));
    }

    /** {@code If-Match} failed: evaluated before {@code If-None-Match} (RFC 9110 section 13.2.2). */
    private static ProblemException preconditionFailed() {
        return new ProblemException(412, Problem.TYPE_BASE + "precondition-failed", "Precondition Failed",
            "If-Match is false: every entity tag of Gather's is weak and If-Match compares tags strongly, so only If-Match: * can hold.");
    }
}
