package io.gather.dashboard.section;

import io.gather.dashboard.SectionResult.Missing;
import io.gather.dashboard.SectionResult.Ok;
import io.gather.dashboard.SectionResult.Reason;
import java.time.Duration;

/**
 * When the live call fails (timeout, deadline, error, bad body, breaker open, bulkhead full), serves the
 * cached entry if it is within {@code stale-if-error} of its freshness: state stale, with its age and why the
 * live call failed. A service's 404 is an answer, not a failure, and a section the caller may not see is
 * never served.
 */
final class StaleFallbackStage implements SectionStage {
    private final SectionCache<?> cache;

    StaleFallbackStage(SectionCache<?> cache) {
        this.cache = cache;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> SectionCall<T> around(SectionCall<T> next) {
        SectionCache<T> typed = (SectionCache<T>) cache;
        return request -> next.call(request).map(result -> {
            if (!(result instanceof Missing<T> missing) || !stalable(missing)) {
                return result;
            }
            SectionCache.Entry<T> entry = typed.get(request.key());
            if (entry == null) {
                return result;
            }
            Duration age = typed.age(entry);
            return typed.servableStale(age) ? Ok.stale(entry.value(), age, missing) : result;
        });
    }

    private static boolean stalable(Missing<?> m) {
        if (m.reason() == Reason.NOT_ALLOWED) {
            return false;
        }
        return !(m.reason() == Reason.ERROR_STATUS && m.upstreamStatus() != null
            && (m.upstreamStatus() == 404 || m.upstreamStatus() == 410));
    }
}
