package io.gather.observe;

import io.gather.auth.Caller;
import io.gather.dashboard.CallContext;
import io.gather.http.Problem;
import io.gather.http.ProblemResponseProcessor;
import io.gather.http.TraceContexts;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.BasicHttpAttributes;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.RouteInfo;
import io.micronaut.web.router.UriRouteInfo;
import java.util.Arrays;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.SignalType;

/**
 * Every API request, and every request to another path that nothing answers (a 404 an operator should see: before,
 * {@code GET /xyz} left no trace at all): its call context (request id, trace context) is made before anything else runs, so security's
 * refusals are in a trace too; its answer is counted ({@link RequestMetrics}) and logged as one line on the
 * {@value #LOGGER} logger ({@link AccessLine}), when the answer is ready or, for a stream, when it ends. The view comes from the request attribute {@value RequestMetrics#VIEW_ATTRIBUTE}
 * when the route sets one, else from the {@code view} query parameter, else {@code full}.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class AccessLogFilter implements Ordered {
    static final String LOGGER = "gather.access";
    static final String UNMATCHED = "unmatched";
    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

    private final RequestMetrics metrics;
    private final AccessLogSettings settings;
    /** Route templates by route, compared by identity (routes are few and made once): a scan, no hashing. */
    private volatile Object[][] templates = new Object[0][];

    AccessLogFilter(RequestMetrics metrics, AccessLogSettings settings) {
        this.metrics = metrics;
        this.settings = settings;
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.order(); // after the request id (FIRST.before()), before security
    }

    @RequestFilter
    void begin(HttpRequest<?> request) {
        if (isApi(request.getPath())) {
            TraceContexts.forRequest(request);  // a path nothing answers gets its context when its line is written
        }
    }

    @ResponseFilter
    @SuppressWarnings("unchecked")
    void end(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (!isApi(request.getPath()) && routed(request)) {
            return;     // health, Prometheus, OpenAPI: routed, and polled every few seconds
        }
        if (response.body() instanceof Publisher<?> stream) {
            // a streamed answer (NDJSON, SSE): its line is written when the stream ends, with every section in it
            // cancelled: the caller closed the connection mid-way (the stream's own errors end it as an error event)
            ((MutableHttpResponse<Object>) response).body(Flux.from(stream)
                .doFinally(signal -> log(request, response, signal == SignalType.CANCEL)));
            return;
        }
        log(request, response, false);
    }

    private void log(HttpRequest<?> request, MutableHttpResponse<?> response, boolean hungUp) {
        CallContext call = TraceContexts.forRequest(request);
        long nanos = System.nanoTime() - call.startNanos();
        String route = route(request);
        String view = RequestMetrics.view(view(request));
        int status = response.code();
        metrics.record(route, status, view, nanos);
        if (settings.isEnabled() && LOG.isInfoEnabled()) {
            String client = client(request);
            String method = request.getMethodName();
            LOG.info(settings.format() == AccessLogSettings.Format.JSON
                ? AccessLine.json(call, method, route, client, view, status, nanos, problem(request), hungUp)
                : AccessLine.text(call, method, route, client, view, status, nanos, problem(request), hungUp));
        }
    }

    /** The API's paths; a request for any other path is logged only when nothing answers it (a 404 or 405). */
    static boolean isApi(String path) {
        return path.startsWith("/api/") || path.equals("/api");
    }

    /** A route matched the path; an error route that answered for it (FrequentErrorRoutes) keeps its template. */
    private static boolean routed(HttpRequest<?> request) {
        return RouteAttributes.getRouteInfo(request).orElse(null) instanceof UriRouteInfo<?, ?>
            || BasicHttpAttributes.getUriTemplate(request).isPresent();
    }

    private String route(HttpRequest<?> request) {
        RouteInfo<?> info = RouteAttributes.getRouteInfo(request).orElse(null);
        if (!(info instanceof UriRouteInfo<?, ?>)) {
            // no route matched, or an error route answered: it leaves the matched route's template, if there was one
            return BasicHttpAttributes.getUriTemplate(request).orElse(UNMATCHED);
        }
        Object[][] known = templates;
        for (Object[] entry : known) {
            if (entry[0] == info) {
                return (String) entry[1];
            }
        }
        String template = ((UriRouteInfo<?, ?>) info).getUriMatchTemplate().toString();
        Object[][] more = Arrays.copyOf(known, known.length + 1);
        more[known.length] = new Object[] {info, template};
        templates = more; // a lost race only means a route is looked up twice
        return template;
    }

    @Nullable
    private static String view(HttpRequest<?> request) {
        Object attribute = request.getAttribute(RequestMetrics.VIEW_ATTRIBUTE).orElse(null);
        if (attribute != null) {
            return attribute.toString();
        }
        return request.getParameters().get("view");
    }

    /** The problem answered, if any: its type, and the parameter it names. */
    @Nullable
    private static Problem problem(HttpRequest<?> request) {
        return request.getAttribute(ProblemResponseProcessor.PROBLEM_ATTRIBUTE, Problem.class).orElse(null);
    }

    /** The token's client ({@code azp}, else {@code client_id}), cut to 64 characters; null without one. */
    @Nullable
    private static String client(HttpRequest<?> request) {
        Authentication authentication = request.getUserPrincipal(Authentication.class).orElse(null);
        if (authentication == null) {
            return null;
        }
        for (String claim : new String[] {Caller.AZP, Caller.CLIENT_ID}) {
            if (authentication.getAttributes().get(claim) instanceof String s && !s.isBlank()) {
                return s.length() > 64 ? s.substring(0, 64) : s;
            }
        }
        return null;
    }
}
