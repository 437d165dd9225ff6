package io.gather.dashboard.section;

import io.gather.dashboard.CallContext;
import io.gather.dashboard.DashboardQuery;
import io.gather.dashboard.Section;
import io.gather.dashboard.SectionResult;
import java.time.Duration;
import reactor.core.publisher.Mono;

/** A section with its composed call and the parameters its settings give the call. */
public record BoundSection<T>(Section<T> section, SectionCall<T> call, int limit) {
    public Mono<SectionResult<T>> run(DashboardQuery query, CallContext context, Duration budget) {
        return call.call(new SectionRequest(query, context, new SectionKey(query.userId(), limit), budget));
    }
}
