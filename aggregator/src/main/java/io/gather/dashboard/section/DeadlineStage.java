package io.gather.dashboard.section;

import io.gather.dashboard.SectionResult.Missing;
import io.gather.dashboard.SectionResult.Reason;
import reactor.core.publisher.Mono;

/**
 * Ends this request's wait for the section at the request's deadline. It sits above the coalescing, so a
 * call shared with other requests may outlive this one (the others still get it), and below the stale
 * fallback, so a deadline that cuts in can still be answered from the cache.
 */
final class DeadlineStage implements SectionStage {
    @Override
    public <T> SectionCall<T> around(SectionCall<T> next) {
        return request -> next.call(request).timeout(request.budget(), Mono.fromSupplier(() -> Missing.<T>of(
            Reason.TIMEOUT, "No answer within the request's deadline (" + request.budget().toMillis() + " ms).",
            request.budget())));
    }

}
