package io.gather.access;

import io.gather.auth.Caller;
import io.gather.auth.limits.RateLimitDecision;
import io.gather.auth.limits.RateLimiter;
import io.gather.http.Problem;
import io.gather.http.ProblemException;
import io.gather.observe.RateLimitMetrics;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.http.server.netty.NettyHttpRequest;
import io.netty.channel.EventLoop;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Holds an authenticated dashboard request to its caller's tier before anything else is done for it: over a
 * policy, the answer is 429 (quota-exceeded problem, {@code violated-policies}, {@code Retry-After}); store down
 * and fail-closed, 503 with {@code Retry-After}; otherwise the request goes on. Every answer from here on, errors
 * included, carries {@code RateLimit-Policy} and {@code RateLimit}. A check answered on a Redis thread hands the
 * request back to its connection's event loop.
 */
@Filter(value = {DashboardRoutes.MINE, DashboardRoutes.OF_USER}, methods = {HttpMethod.GET, HttpMethod.HEAD})
final class RateLimitFilter implements HttpServerFilter, Ordered {
    static final int ORDER = DashboardScopeFilter.ORDER + 1;
    /** The draft's problem type for a 429. */
    static final String QUOTA_EXCEEDED = "https://iana.org/assignments/http-problem-types#quota-exceeded";
    static final String UNAVAILABLE = Problem.TYPE_BASE + "rate-limit-unavailable";

    private final RateLimiter limiter;
    private final ErrorResponseProcessor<?> problems;
    private final RateLimitMetrics metrics;
    private final RateLimitFields fields = new RateLimitFields();

    RateLimitFilter(RateLimiter limiter, ErrorResponseProcessor<?> problems, RateLimitMetrics metrics) {
        this.limiter = limiter;
        this.problems = problems;
        this.metrics = metrics;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        Caller caller = Callers.of(request);
        if (caller == null || !limiter.enabled()) {
            return chain.proceed(request);
        }
        EventLoop eventLoop = request instanceof NettyHttpRequest<?> netty ? netty.getChannelHandlerContext().channel().eventLoop() : null;
        return limiter.check(caller)
            .doOnNext(decision -> metrics.record(caller.clientId(), decision))
            .flatMap(decision -> eventLoop == null || eventLoop.inEventLoop() ? Mono.just(decision)
                : Mono.just(decision).publishOn(Schedulers.fromExecutor(eventLoop)))
            .flatMap(decision -> switch (decision.outcome()) {
                case ADMITTED, UNCHECKED -> Mono.from(chain.proceed(request)).map(response -> {
                    fields.apply(response, decision);
                    return response;
                });
                case LIMITED -> Mono.just(problem(request, decision, HttpStatus.TOO_MANY_REQUESTS,
                    ProblemException.quotaExceeded(QUOTA_EXCEEDED, "Request cannot be satisfied as assigned quota has been exceeded",
                        "The request is over its tier's rate limits (see violated-policies): retry after the time Retry-After gives.",
                        decision.violatedPolicies())));
                case UNAVAILABLE -> Mono.just(problem(request, decision, HttpStatus.SERVICE_UNAVAILABLE,
                    new ProblemException(503, UNAVAILABLE, "Rate limits cannot be checked",
                        "Gather cannot check this request against its rate limits right now: retry after the time Retry-After gives.")));
            });
    }

    private MutableHttpResponse<?> problem(HttpRequest<?> request, RateLimitDecision decision, HttpStatus status, ProblemException cause) {
        MutableHttpResponse<?> response = problems.processResponse(ErrorContext.builder(request).cause(cause).build(), HttpResponse.status(status));
        fields.apply(response, decision);
        return response;
    }
}
