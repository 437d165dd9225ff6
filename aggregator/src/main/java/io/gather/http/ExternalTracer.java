package io.gather.http;

import io.gather.dashboard.CallContext;

/**
 * A tracer that owns the trace of the requests it sees and carries it downstream itself (OpenTelemetry, when Gather
 * exports traces). {@link TraceContexts} hands it each request's call context once the tracer has started the
 * request's span, and uses what it returns from then on: the access line, the answer's sections and every
 * downstream call then name the one trace that is exported.
 */
@FunctionalInterface
public interface ExternalTracer {
    /**
     * {@code own} (the context Gather made from the request's fields) in the tracer's current trace, with the
     * tracer as its {@link io.gather.dashboard.TraceCarrier}.
     */
    CallContext adopt(CallContext own);
}
