package io.gather.dashboard.section;

import io.gather.dashboard.DashboardQuery;
import java.time.Duration;
import java.util.Objects;

/**
 * What a section call receives: the dashboard query (whose, by whom, under which request id), the key of
 * this section's downstream call, and how long until the request's deadline as the fan-out starts.
 */
public record SectionRequest(DashboardQuery query, SectionKey key, Duration budget) {
    public SectionRequest {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(budget, "budget");
    }

    public String userId() {
        return key.userId();
    }

    public String requestId() {
        return query.requestId();
    }

    /** The same call made for no one in particular (a background refresh), within {@code budget}. */
    SectionRequest withBudget(Duration budget) {
        return new SectionRequest(query, key, budget);
    }
}
