package io.gather.dashboard.section;

import io.gather.dashboard.SectionResult.Missing;
import io.gather.dashboard.SectionResult.Reason;
import java.time.Duration;
import reactor.core.publisher.Mono;

/**
 * Ends this request's wait for the section at the request's deadline. It sits above the coalescing, so a
 * call shared with other requests may outlive this one (the others still get it), and below the stale
 * fallback, so a deadline that cuts in can still be answered from the cache. A request with at least the section's
 * timeout left needs no timer of its own: the timeout stage below ends every call, a shared one included (it started
 * earlier), within that.
 */
final class DeadlineStage implements SectionStage {
    private final Duration sectionTimeout;

    DeadlineStage(Duration sectionTimeout) {
        this.sectionTimeout = sectionTimeout;
    }

    @Override
    public <T> SectionCall<T> around(SectionCall<T> next) {
        return request -> {
            Duration budget = request.budget();
            if (budget.compareTo(sectionTimeout) >= 0) {
                return next.call(request);
            }
            return next.call(request).timeout(budget, Mono.fromSupplier(() -> Missing.<T>of(
                Reason.TIMEOUT, "No answer within the request's deadline (" + budget.toMillis() + " ms).", budget)));
        };
    }
}
