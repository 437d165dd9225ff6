package io.gather.dashboard.section;

import io.gather.dashboard.CallContext;
import io.gather.dashboard.DashboardQuery;
import java.time.Duration;
import java.util.Objects;

/**
 * What a section call receives: the dashboard query (whose, by whom), the request's call context (the ids passed
 * downstream, where outcomes are noted), the key of this section's downstream call, and how long until the
 * request's deadline as the fan-out starts.
 */
public record SectionRequest(DashboardQuery query, CallContext call, SectionKey key, Duration budget) {
    public SectionRequest {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(budget, "budget");
    }

    /** A request in a trace of its own (tests, and callers without a request context). */
    public SectionRequest(DashboardQuery query, SectionKey key, Duration budget) {
        this(query, CallContext.newTrace(query.requestId()), key, budget);
    }

    public String userId() {
        return key.userId();
    }

    public String requestId() {
        return call.requestId();
    }

    /** The same call made for no one in particular (a background refresh), within {@code budget}. */
    SectionRequest withBudget(Duration budget) {
        return new SectionRequest(query, call, key, budget);
    }
}
