package io.gather.access;

import io.gather.auth.Caller;
import io.gather.auth.scopes.SectionAccess;
import io.gather.dashboard.Sections;
import io.gather.http.Problem;
import io.gather.http.ProblemException;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import java.util.List;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * Refuses an authenticated token that has no dashboard scope at all with 403 and the RFC 6750 challenge
 * {@code Bearer realm="gather", error="insufficient_scope", scope="dashboard"}. Runs after security (so a missing
 * or bad token is still the 401) and before the rate limit (so a refused token costs no quota).
 */
@Filter(value = {DashboardRoutes.MINE, DashboardRoutes.OF_USER}, methods = {HttpMethod.GET, HttpMethod.HEAD})
final class DashboardScopeFilter implements HttpServerFilter, Ordered {
    static final int ORDER = ServerFilterPhase.SECURITY.after();
    static final String TYPE = Problem.TYPE_BASE + "insufficient-scope";
    static final String CHALLENGE = "Bearer realm=\"gather\", error=\"insufficient_scope\", scope=\"" + SectionAccess.DASHBOARD + "\"";

    private static final List<String> SECTION_IDS = Sections.ids();

    private final SectionAccess access;
    private final ErrorResponseProcessor<?> problems;

    DashboardScopeFilter(SectionAccess access, ErrorResponseProcessor<?> problems) {
        this.access = access;
        this.problems = problems;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        Caller caller = Callers.of(request);
        if (caller == null || access.grantsAny(caller, SECTION_IDS)) {
            return chain.proceed(request);
        }
        ProblemException refused = new ProblemException(403, TYPE, "Insufficient scope",
            "The token grants no section of the dashboard: it needs dashboard, or dashboard:<section> for each section.");
        MutableHttpResponse<?> response = problems.processResponse(ErrorContext.builder(request).cause(refused).build(),
            HttpResponse.status(HttpStatus.FORBIDDEN).header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE));
        return Mono.just(response);
    }
}
