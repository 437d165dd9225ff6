package io.gather.access;

import io.gather.http.Problem;
import io.gather.http.ProblemException;
import io.gather.http.front.RefusalPause;
import io.gather.observe.RequestMetrics;
import io.micronaut.core.annotation.Nullable;
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
import io.micronaut.http.server.netty.NettyHttpRequest;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.GenericFutureListener;
import java.util.concurrent.atomic.AtomicBoolean;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Gives a dashboard request its turn ({@link Admission}) before any other work is done for it: at once when a turn
 * is free, else after a wait in the queue, else a 503 problem with {@code Retry-After}. It runs before security, so
 * a refusal costs next to nothing (no token verified) and a waiting request has cost nothing yet; the turn covers
 * the token check, the rate limit and the fan-out, until the answer is ready or, for a stream, until the stream
 * ends. A refused caller's connection is not read again for {@code refusal-pause} ({@link RefusalPause}). A request
 * that waited resumes on its own connection's event loop. A caller who hangs up leaves the queue,
 * or has its dashboard cancelled, at once ({@link CallerGone}): its turn goes to the next caller.
 */
@Filter(value = {DashboardRoutes.MINE, DashboardRoutes.OF_USER}, methods = {HttpMethod.GET, HttpMethod.HEAD})
final class AdmissionFilter implements HttpServerFilter, Ordered {
    static final int ORDER = ServerFilterPhase.SECURITY.before();
    static final String TYPE = Problem.TYPE_BASE + "overloaded";

    private final Admission admission;
    private final ErrorResponseProcessor<?> problems;
    private final RequestMetrics metrics;
    private final String retryAfter;
    private final long refusalPauseNanos;

    AdmissionFilter(Admission admission, ErrorResponseProcessor<?> problems, RequestMetrics metrics) {
        this.admission = admission;
        this.problems = problems;
        this.metrics = metrics;
        this.retryAfter = Long.toString(admission.retryAfter().toSeconds());
        this.refusalPauseNanos = admission.refusalPause().toNanos();
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        if (!admission.enabled()) {
            return chain.proceed(request);
        }
        Channel channel = request instanceof NettyHttpRequest<?> netty ? netty.getChannelHandlerContext().channel() : null;
        // the turn is taken on subscription, so an answer never subscribed (its caller already gone) holds none
        Mono<MutableHttpResponse<?>> answer = Mono.defer(() -> {
            Admission.Permit permit = admission.tryAdmit();
            if (permit != null) {
                return proceed(request, chain, permit);
            }
            // granted on whichever thread freed the turn, resumed on this request's own event loop: turns never
            // chain on one stack, and a hang-up (signalled on that loop too) cannot race the turn's delivery
            return admission.await(channel != null ? channel.eventLoop() : Runnable::run)
                .flatMap(t -> t instanceof Admission.Permit p
                    ? proceed(request, chain, p)
                    : Mono.just(refused(request, channel, (Admission.Refused) t)));
        });
        return untilCallerGone(answer, channel);
    }

    /** The answer, unless the caller hangs up first: then the wait or the dashboard is cancelled (its turn freed). */
    private static Mono<MutableHttpResponse<?>> untilCallerGone(Mono<MutableHttpResponse<?>> answer, Channel channel) {
        if (channel == null) {
            return answer;
        }
        return answer.takeUntilOther(CallerGone.of(channel))
            .switchIfEmpty(Mono.fromSupplier(CallerGone::answer));
    }

    @SuppressWarnings("unchecked")
    private Mono<MutableHttpResponse<?>> proceed(HttpRequest<?> request, ServerFilterChain chain, Admission.Permit permit) {
        AtomicBoolean answered = new AtomicBoolean();
        return Mono.from(chain.proceed(request))
            .<MutableHttpResponse<?>>map(response -> {
                answered.set(true);
                if (response.body() instanceof Publisher<?> stream) {
                    // a stream holds its turn until it ends, or until its connection closes if it never starts
                    ChannelFuture closing = request instanceof NettyHttpRequest<?> netty
                        ? netty.getChannelHandlerContext().channel().closeFuture() : null;
                    GenericFutureListener<Future<? super Void>> onClose = closed -> permit.release();
                    if (closing != null) {
                        closing.addListener(onClose);
                    }
                    ((MutableHttpResponse<Object>) response).body(Flux.from(stream).doFinally(signal -> {
                        permit.release();
                        if (closing != null) {
                            closing.removeListener(onClose);    // a kept-alive connection collects none
                        }
                    }));
                } else {
                    permit.release();
                }
                return response;
            })
            .doOnError(e -> permit.release())
            // Micronaut cancels this publisher once it has the answer; only a cancel before it frees the turn here
            .doOnCancel(() -> {
                if (!answered.get()) {
                    permit.release();
                }
            });
    }

    private MutableHttpResponse<?> refused(HttpRequest<?> request, @Nullable Channel channel, Admission.Refused why) {
        metrics.admissionRefused();
        if (channel != null) {
            RefusalPause.pause(channel, refusalPauseNanos);     // its next request is read after the pause
        }
        String detail = why == Admission.Refused.QUEUE_FULL
            ? "Gather has more dashboard requests than it can take right now: retry after the time Retry-After gives."
            : "Gather could not start this dashboard in time: retry after the time Retry-After gives.";
        return problems.processResponse(
            ErrorContext.builder(request).cause(new ProblemException(503, TYPE, "Overloaded", detail)).build(),
            HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, retryAfter));
    }
}
