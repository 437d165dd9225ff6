package io.gather.dashboard;

import java.util.function.Supplier;
import reactor.core.publisher.Mono;

/**
 * A tracer that carries a request's trace to its downstream calls itself (OpenTelemetry, when Gather exports traces):
 * it writes {@code traceparent} and {@code tracestate} on each call, naming a span of its own as the parent, so
 * Gather writes neither (two {@code traceparent} fields would leave the downstream guessing). Gather only makes
 * sure the tracer sees the right trace whatever thread a call starts on: a retry, a call shared by several requests
 * (coalesced) or a background refresh is a child of the request that made it.
 */
@FunctionalInterface
public interface TraceCarrier {
    /**
     * {@code call}, made and subscribed to with this request's trace current, so the tracer's span for it (and the
     * fields it writes) is a child of the request's.
     */
    <T> Mono<T> carry(Supplier<? extends Mono<T>> call);
}
