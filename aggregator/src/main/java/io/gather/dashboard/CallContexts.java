package io.gather.dashboard;

/**
 * Finds the {@link CallContext} of the request a dashboard is assembled for. The HTTP layer's implementation
 * reads it from the request being served (its trace context, its request id); without one, a query gets a trace
 * of its own.
 */
@FunctionalInterface
public interface CallContexts {
    /** Each query in a new trace, under its own request id. */
    CallContexts NEW_TRACE = query -> CallContext.newTrace(query.requestId());

    CallContext of(DashboardQuery query);
}
