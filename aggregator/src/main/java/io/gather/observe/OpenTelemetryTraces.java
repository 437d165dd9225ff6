package io.gather.observe;

import io.gather.dashboard.CallContext;
import io.gather.dashboard.TraceCarrier;
import io.gather.http.ExternalTracer;
import io.gather.http.TraceContexts;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.order.Ordered;
import io.micronaut.core.propagation.PropagatedContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.tracing.opentelemetry.OpenTelemetryPropagationContext;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.trace.IdGenerator;
import jakarta.annotation.PreDestroy;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;

/**
 * Gather's side of OpenTelemetry export ({@code gather.tracing.enabled}; Micronaut Tracing's filters make the spans).
 * Micronaut Tracing's server filter starts each API request's span, continuing the caller's {@code traceparent} or
 * starting a trace; right after it, before security, this filter puts the request's call context in that span's
 * trace. Downstream calls are then made with the span current ({@link Carrier}), so Micronaut Tracing's client filter
 * makes each call's span a child of it and writes the one {@code traceparent} the downstream sees, naming that span.
 * The access line, the exported spans and the downstream's fields name one trace, and Gather writes no second
 * {@code traceparent}.
 *
 * <p>Exists only while Micronaut Tracing has a {@link Tracer}: with tracing off (the default) there is no such bean,
 * no tracing filter at all, and Gather writes the trace fields itself ({@link TraceContexts}).
 *
 * <p>On shutdown it flushes the spans not yet exported (at most {@value #FLUSH_SECONDS} s): Micronaut Tracing leaves
 * the SDK open when the application stops, and its batch of up to 5 s of spans would be lost.
 */
@ServerFilter("/api/**")
@Requires(beans = Tracer.class)
final class OpenTelemetryTraces implements ExternalTracer, Ordered {
    static final int FLUSH_SECONDS = 5;
    private static final IdGenerator IDS = IdGenerator.random();

    private final OpenTelemetry openTelemetry;

    OpenTelemetryTraces(OpenTelemetry openTelemetry) {
        this.openTelemetry = openTelemetry;
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.TRACING.after(); // right after Micronaut Tracing's server filter, before security
    }

    @RequestFilter
    void adopt(HttpRequest<?> request) {
        TraceContexts.adopt(request, this);
    }

    @Override
    public CallContext adopt(CallContext own) {
        Context context = Context.current();
        SpanContext span = Span.fromContext(context).getSpanContext();
        if (!span.isValid()) {
            // No span of the tracer's (a dashboard assembled outside a request): it continues Gather's own trace.
            span = SpanContext.createFromRemoteParent(own.traceId(), IDS.generateSpanId(),
                TraceFlags.fromHex(own.flags(), 0), TraceState.getDefault());
            context = context.with(Span.wrap(span));
        }
        String tracestate = span.getTraceId().equals(own.traceId()) ? own.tracestate() : null;
        return own.carriedBy(new Carrier(context), span.getTraceId(), span.getTraceFlags().asHex(), tracestate);
    }

    @PreDestroy
    void flush() {
        if (openTelemetry instanceof OpenTelemetrySdk sdk) {
            sdk.shutdown().join(FLUSH_SECONDS, TimeUnit.SECONDS);
        }
    }

    /**
     * Makes and subscribes to a downstream call with the request's span current, on whatever thread the call starts
     * (a retry, a coalesced call, a background refresh): Micronaut's client runs its filters as the call is
     * subscribed to, and Micronaut Tracing's client filter takes the current context as its span's parent.
     */
    private record Carrier(Context context) implements TraceCarrier {
        @Override
        public <T> Mono<T> carry(Supplier<? extends Mono<T>> call) {
            return Mono.from(subscriber -> {
                PropagatedContext current = PropagatedContext.getOrEmpty();
                OpenTelemetryPropagationContext mine = new OpenTelemetryPropagationContext(context);
                PropagatedContext withMine = current.find(OpenTelemetryPropagationContext.class)
                    .map(theirs -> current.replace(theirs, mine))
                    .orElseGet(() -> current.plus(mine));
                try (PropagatedContext.Scope ignored = withMine.propagate()) {
                    Mono.<T>defer(call).subscribe(subscriber);
                }
            });
        }
    }
}
